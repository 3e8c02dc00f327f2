/**
 * Reading the records of a JSON input of any size: NDJSON (one value per line, read line by line) or
 * one large document (pretty-printed array, OData envelope), chosen by looking at the first line.
 */
import { JsonScanner } from './json-scanner.js';
import { errorResponseReason, invalidJson, MAX_RECORD_CHARS } from './json-sink.js';
import type { JsonKind, JsonPath, JsonSink, RecordSelector } from './json-sink.js';
import { LineSplitter } from './line-splitter.js';
import { MAX_RAW } from './reject.js';
import { reason } from './reject-reason.js';

/** How much text to look at, at most, for a first line before assuming one large document. */
const DECIDE_CHARS = 4 * 1024 * 1024;

/**
 * Lines of text before the JSON that are read past (each one a reject), e.g. PowerShell's
 * `WARNING: The Get-MessageTrace cmdlet will be deprecated...` written into the same file as its output.
 */
const MAX_LEADING_LINES = 20;

/** How deep wrappers may nest around records in a line of NDJSON. */
const MAX_WRAPPER_DEPTH = 4;

/** Streams the records of a JSON input to a sink; push the decoded chunks, then call end(). */
export class JsonRecordReader {
  private engine: NdjsonLines | JsonScanner | undefined;
  private pending = '';
  private failed = false;

  constructor(
    private readonly select: RecordSelector,
    private readonly sink: JsonSink,
  ) {}

  /** Read the next chunk of text. */
  push(chunk: string): void {
    if (this.engine) {
      this.engine.push(chunk);
      return;
    }
    if (this.failed) return;
    this.pending += chunk;
    const text = this.pending;
    if (text.length >= DECIDE_CHARS) {
      this.decide();
      return;
    }
    const first = firstNonSpace(text);
    // Enough to decide: the first line whole, and a reject's worth of text in case it is not JSON at all.
    if (first < 0 || text.length - first < MAX_RAW || text.indexOf('\n', first) < 0) return;
    this.decide();
  }

  /** The input is complete. */
  end(): void {
    if (!this.engine && !this.failed) {
      if (firstNonSpace(this.pending) < 0) return;
      this.decide();
    }
    this.engine?.end();
  }

  /** NDJSON when the first line is a whole JSON object or array on its own, else one document. */
  private decide(): void {
    let text = this.pending;
    this.pending = '';
    let first = firstNonSpace(text);
    let c = text[first];
    const json = c === '{' || c === '[' ? first : jsonLineAfterText(text, first);
    if (json > first) {
      // Lines of text before the records: each is one reject, blanked so that line numbers stay right.
      const lines = text.slice(0, json).split('\n');
      // The last piece is the indentation of the line the JSON starts on.
      for (let i = 0; i < lines.length - 1; i++) {
        const raw = lines[i]!.replace(/\r$/, '');
        if (raw.trim() !== '') this.sink.error(reason('text-before-records', { text: JSON.stringify(raw.slice(0, 60)) }), i + 1, raw);
      }
      const blanked = '\n'.repeat(lines.length - 1);
      text = blanked + text.slice(json);
      first = firstNonSpace(text);
      c = text[first];
    }
    if (c !== '{' && c !== '[') {
      // An HTML error page or any other text saved under a .json name: one reject for the whole file.
      const line = text.slice(0, first).split('\n').length;
      this.sink.error(
        reason('not-json-start', { text: JSON.stringify(text.slice(first, first + 20)) }),
        line,
        text.slice(first, first + MAX_RAW),
      );
      this.failed = true;
      return;
    }
    let nl = text.indexOf('\n', first);
    if (nl < 0) nl = text.length;
    let ndjson = false;
    try {
      JSON.parse(text.slice(first, nl));
      ndjson = true;
    } catch {
      ndjson = false;
    }
    this.engine = ndjson ? new NdjsonLines(this.select, this.sink) : new JsonScanner(this.select, this.sink);
    this.engine.push(text);
  }
}

/** Start of the first line (within the first few) that opens with `{` or `[`, or -1. */
function jsonLineAfterText(text: string, from: number): number {
  let at = from;
  for (let n = 0; n < MAX_LEADING_LINES; n++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return -1;
    at = nl + 1;
    let k = at;
    while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13) k++;
    const c = text[k];
    if (c === '{' || c === '[') return k;
  }
  return -1;
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
  }
  return -1;
}

/** The `error` (Graph, OData v4) or `odata.error` (OData v3) object of an error response, if the value is one. */
function errorBody(value: unknown): object | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const e = v.error ?? v['odata.error'];
  return e !== null && typeof e === 'object' ? e : undefined;
}

function kindOf(v: unknown): JsonKind {
  return Array.isArray(v) ? 'array' : v !== null && typeof v === 'object' ? 'object' : 'scalar';
}

/** One JSON value per line; a bad line is one reject and the next line reads on. */
class NdjsonLines {
  private readonly lines = new LineSplitter();
  private line = 0;
  private readonly topIsRecord: { object: boolean; array: boolean };

  constructor(
    private readonly select: RecordSelector,
    private readonly sink: JsonSink,
  ) {
    this.topIsRecord = { object: select([], 'object'), array: select([], 'array') };
  }

  push(chunk: string): void {
    const lines = this.lines.push(chunk);
    for (let i = 0; i < lines.length; i++) this.handle(lines[i]!);
    if (this.lines.carried > MAX_RECORD_CHARS) {
      const start = this.lines.discard();
      this.sink.error(reason('line-too-long', { max: MAX_RECORD_CHARS }), this.line + 1, start);
    }
  }

  end(): void {
    const last = this.lines.end();
    if (last !== undefined) this.handle(last);
  }

  private handle(text: string): void {
    const line = ++this.line;
    if (text.length === 0) return;
    const c = text.charCodeAt(0);
    if ((c === 32 || c === 9) && text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.sink.error(invalidJson(e), line, text);
      return;
    }
    if (c === 123 && this.topIsRecord.object) {
      this.sink.record(value, line, text);
      return;
    }
    const error = errorBody(value);
    if (error !== undefined) {
      this.sink.error(errorResponseReason(error), line, text);
      return;
    }
    this.walk(value, [], line, text);
  }

  private walk(value: unknown, path: JsonPath, line: number, text: string): void {
    const kind = kindOf(value);
    if (this.select(path, kind)) {
      this.sink.record(value, line, path.length === 0 ? text : undefined);
      return;
    }
    if (path.length >= MAX_WRAPPER_DEPTH) return;
    if (kind === 'array') {
      const items = value as unknown[];
      for (let i = 0; i < items.length; i++) this.walk(items[i], [...path, i], line, text);
    } else if (kind === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) this.walk(v, [...path, k], line, text);
    } else if (path.length === 0) {
      this.sink.error(reason('not-json-value'), line, text);
    }
  }
}
