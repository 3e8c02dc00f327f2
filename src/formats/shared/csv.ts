/** RFC 4180 CSV read line by line from decoded chunks: quoted commas, doubled quotes, quoted line breaks. */
import { LineSplitter } from './line-splitter.js';
import { reason, type RejectReason } from './reject-reason.js';

/** A quoted value may span lines, but never more than this many characters. */
const MAX_CSV_RECORD = 1024 * 1024;

/** The fields of one CSV record, or null when a quoted value is still open at the end of the text. */
export function parseCsvLine(s: string): string[] | null {
  if (s.indexOf('"') < 0) return s.split(',');
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) return null;
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text between a closing quote and the comma is not RFC 4180; keep it rather than lose it.
      const comma = s.indexOf(',', j);
      if (comma < 0) {
        out.push(value + s.slice(j));
        return out;
      }
      out.push(value + s.slice(j, comma));
      i = comma + 1;
    } else {
      const comma = s.indexOf(',', i);
      if (comma < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Receives the records of a CSV input. */
export interface CsvSink {
  /** One record: its fields, the line it starts on, and its raw text. */
  row(fields: string[], line: number, raw: string): void;
  /** A line starting with '#' (only when the reader was asked to look for them). */
  comment?(text: string, line: number): void;
  /** Text that is not a record (an unterminated quoted value). */
  error(why: RejectReason, line: number, raw: string): void;
}

/** Streams CSV records to a sink; push the decoded chunks, then call end(). Blank lines are skipped. */
export class CsvReader {
  private readonly lines = new LineSplitter();
  private line = 0;
  private open: string | undefined;
  private openLine = 0;

  constructor(
    private readonly sink: CsvSink,
    private readonly comments = false,
  ) {}

  /** Read the next chunk of text. */
  push(chunk: string): void {
    const lines = this.lines.push(chunk);
    for (let i = 0; i < lines.length; i++) this.handle(lines[i]!);
    if (this.lines.carried > MAX_CSV_RECORD) {
      const start = this.lines.discard();
      this.sink.error(reason('line-too-long', { max: MAX_CSV_RECORD }), this.line + 1, start);
    }
  }

  /** The input is complete. */
  end(): void {
    const last = this.lines.end();
    if (last !== undefined) this.handle(last);
    if (this.open !== undefined) {
      this.sink.error(reason('unterminated-quote-at-end'), this.openLine, this.open);
      this.open = undefined;
    }
  }

  private handle(text: string): void {
    const line = ++this.line;
    let start = line;
    if (this.open !== undefined) {
      text = `${this.open}\n${text}`;
      start = this.openLine;
    } else {
      if (text.length === 0) return;
      // Logs concatenated from several files carry each file's byte-order mark at the start of its first line.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (this.comments && text.charCodeAt(0) === 35) {
        this.sink.comment?.(text, line);
        return;
      }
    }
    const fields = parseCsvLine(text);
    if (fields === null) {
      if (text.length > MAX_CSV_RECORD) {
        this.sink.error(reason('unterminated-quote'), start, text);
        this.open = undefined;
      } else {
        this.open = text;
        this.openLine = start;
      }
      return;
    }
    this.open = undefined;
    this.sink.row(fields, start, text);
  }
}
