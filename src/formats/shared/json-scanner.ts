/**
 * A streaming scanner for large JSON documents: it walks the wrapper (OData envelopes, arrays, pages)
 * and cuts out each record's text for JSON.parse, so a document of any size is never parsed whole.
 */
import { errorResponseReason, invalidJson, MAX_RECORD_CHARS } from './json-sink.js';
import { reason, type RejectReason } from './reject-reason.js';
import type { JsonKind, JsonPath, JsonSink, RecordSelector } from './json-sink.js';

interface Frame {
  array: boolean;
  key: string | number;
  index: number;
  expectKey: boolean;
}

const enum Mode {
  Structure,
  Capture,
  String,
  Literal,
  SkipLine,
  Failed,
}

const enum Role {
  Skip,
  Key,
  Record,
}

const LITERAL_END = new Set([44, 93, 125, 32, 9, 10, 13]);

/** Scans a JSON document (or several, one after another) and hands the selected values to a sink. */
export class JsonScanner {
  private mode = Mode.Structure;
  private stack: Frame[] = [];
  private line = 1;
  /** Errors after the first are not reported until a value reads cleanly again (one reject per bad stretch). */
  private recovering = false;
  private sawValue = false;

  // A value being cut out (record, error body) or a string being read (key, scalar record).
  private parts: string[] = [];
  private partsLength = 0;
  private start = 0;
  private startLine = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private role = Role.Skip;
  private isError = false;

  constructor(
    private readonly select: RecordSelector,
    private readonly sink: JsonSink,
  ) {}

  /** Scan the next chunk of text. */
  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.mode) {
        case Mode.Structure:
          i = this.structure(chunk, i);
          break;
        case Mode.Capture:
          i = this.capture(chunk, i);
          break;
        case Mode.String:
          i = this.string(chunk, i);
          break;
        case Mode.Literal:
          i = this.literal(chunk, i);
          break;
        case Mode.SkipLine: {
          const nl = chunk.indexOf('\n', i);
          if (nl < 0) return;
          this.line++;
          this.mode = Mode.Structure;
          i = nl + 1;
          break;
        }
        case Mode.Failed:
          return;
      }
    }
    if (this.mode === Mode.Capture || ((this.mode === Mode.String || this.mode === Mode.Literal) && this.role !== Role.Skip)) {
      const piece = chunk.slice(this.start);
      this.parts.push(piece);
      this.partsLength += piece.length;
      this.start = 0;
      if (this.partsLength > MAX_RECORD_CHARS) {
        this.sink.error(reason('record-too-long', { max: MAX_RECORD_CHARS }), this.startLine, this.parts[0] ?? '');
        this.mode = Mode.Failed;
        this.parts = [];
      }
    }
  }

  /** The input is complete: report a document that stops in the middle. */
  end(): void {
    if (this.mode === Mode.Literal) this.finishLiteral('', 0);
    if (this.mode === Mode.Capture || (this.mode === Mode.String && this.role === Role.Record)) {
      this.sink.error(reason('truncated-record'), this.startLine, this.parts.join(''));
    } else if (this.mode !== Mode.Failed && this.stack.length > 0) {
      this.sink.error(reason('truncated-document'), this.line, '');
    }
    this.parts = [];
    this.stack = [];
  }

  private path(): JsonPath {
    return this.stack.map((f) => (f.array ? f.index : f.key));
  }

  private fail(why: RejectReason, chunk: string, i: number): number {
    if (!this.sawValue) {
      this.sink.error(why, this.line, chunk.slice(i, i + 2048));
      // Not JSON from the first character on (an HTML error page saved as .json): one reject is enough.
      this.mode = Mode.Failed;
      return chunk.length;
    }
    if (!this.recovering) {
      const nl = chunk.indexOf('\n', i);
      this.sink.error(why, this.line, chunk.slice(i, nl < 0 ? undefined : nl));
    }
    this.recovering = true;
    this.stack = [];
    this.mode = Mode.SkipLine;
    return i;
  }

  private beginValue(kind: JsonKind, chunk: string, i: number): boolean {
    const path = this.path();
    this.isError = kind === 'object' && path.length === 1 && (path[0] === 'error' || path[0] === 'odata.error');
    if (!this.isError && !this.select(path, kind)) return false;
    this.parts = [];
    this.partsLength = 0;
    this.start = i;
    this.startLine = this.line;
    return true;
  }

  private structure(chunk: string, i: number): number {
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        this.line++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      const top = this.stack[this.stack.length - 1];
      if (c === 123 || c === 91) {
        if (top && !top.array && top.expectKey) return this.fail(reason('json-key-expected', { line: this.line }), chunk, i);
        this.sawValue = true;
        this.recovering = false;
        const kind = c === 123 ? 'object' : 'array';
        if (this.beginValue(kind, chunk, i)) {
          this.mode = Mode.Capture;
          this.depth = 1;
          this.inString = false;
          this.escape = false;
          return i + 1;
        }
        this.stack.push({ array: c === 91, key: '', index: 0, expectKey: c === 123 });
        continue;
      }
      if (c === 125 || c === 93) {
        if (!top || top.array !== (c === 93)) return this.fail(reason('json-unexpected', { line: this.line, char: chunk[i]! }), chunk, i);
        this.stack.pop();
        continue;
      }
      if (c === 44) {
        if (!top) return this.fail(reason('json-unexpected', { line: this.line, char: ',' }), chunk, i);
        if (top.array) top.index++;
        else top.expectKey = true;
        continue;
      }
      if (c === 58) {
        if (!top || top.array) return this.fail(reason('json-unexpected', { line: this.line, char: ':' }), chunk, i);
        continue;
      }
      if (!this.sawValue || !top) return this.fail(reason('not-json-unexpected', { line: this.line, char: chunk[i]! }), chunk, i);
      if (c === 34) {
        if (!top.array && top.expectKey) {
          this.role = Role.Key;
          this.startLine = this.line;
          this.parts = [];
          this.partsLength = 0;
          this.start = i + 1;
        } else {
          this.role = this.beginValue('scalar', chunk, i) ? Role.Record : Role.Skip;
        }
        this.mode = Mode.String;
        this.escape = false;
        return i + 1;
      }
      if (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
        if (!top.array && top.expectKey) return this.fail(reason('json-key-expected', { line: this.line }), chunk, i);
        this.role = this.beginValue('scalar', chunk, i) ? Role.Record : Role.Skip;
        this.mode = Mode.Literal;
        return i;
      }
      return this.fail(reason('json-unexpected', { line: this.line, char: chunk[i]! }), chunk, i);
    }
    return i;
  }

  /** Index of the closing quote of a string whose content continues at `from`, or -1 (chunk ends inside it). */
  private stringEnd(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    if (this.escape) {
      if (i >= n) return -1;
      this.escape = false;
      i++;
    }
    for (;;) {
      const q = chunk.indexOf('"', i);
      let k = (q < 0 ? n : q) - 1;
      while (k >= i && chunk.charCodeAt(k) === 92) k--;
      const odd = (((q < 0 ? n : q) - 1 - k) & 1) === 1;
      if (q < 0) {
        this.escape = odd;
        return -1;
      }
      if (!odd) return q;
      i = q + 1;
    }
  }

  private string(chunk: string, i: number): number {
    const q = this.stringEnd(chunk, i);
    if (q < 0) return chunk.length;
    this.mode = Mode.Structure;
    if (this.role === Role.Key) {
      const raw = this.parts.join('') + chunk.slice(this.start, q);
      const top = this.stack[this.stack.length - 1]!;
      top.key = decodeKey(raw);
      top.expectKey = false;
    } else if (this.role === Role.Record) {
      this.emit(this.parts.join('') + chunk.slice(this.start, q + 1));
    }
    this.parts = [];
    return q + 1;
  }

  private literal(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    while (j < n && !LITERAL_END.has(chunk.charCodeAt(j))) j++;
    if (j === n) return n;
    this.finishLiteral(chunk, j);
    return j;
  }

  private finishLiteral(chunk: string, end: number): void {
    this.mode = Mode.Structure;
    if (this.role === Role.Record) this.emit(this.parts.join('') + chunk.slice(this.start, end));
    this.parts = [];
  }

  private capture(chunk: string, i: number): number {
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        const q = this.stringEnd(chunk, i);
        if (q < 0) return n;
        this.inString = false;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 34) {
        this.inString = true;
        this.escape = false;
      } else if (c === 123 || c === 91) {
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (--this.depth === 0) {
          this.mode = Mode.Structure;
          const text = this.parts.length === 0 ? chunk.slice(this.start, i + 1) : this.parts.join('') + chunk.slice(this.start, i + 1);
          this.parts = [];
          this.emit(text);
          return i + 1;
        }
      } else if (c === 10) {
        this.line++;
      }
      i++;
    }
    return n;
  }

  private emit(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.sink.error(invalidJson(e), this.startLine, text);
      return;
    }
    if (this.isError) {
      this.isError = false;
      this.sink.error(errorResponseReason(value), this.startLine, text);
      return;
    }
    this.sink.record(value, this.startLine, text);
  }
}

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
