/** What a message-trace input format offers: detection by content, and streaming parsing into schema rows. */
import type { EventRow, TraceRecord } from '../schema/index.js';
import type { ReasonCode, ReasonJson } from './shared/reject-reason.js';

/** Names accepted by `mailsift ingest --format`. */
export type FormatName = 'graph' | 'rws' | 'powershell' | 'eac' | 'tracking-log';

/** A record that could not be read: where, why (a stable code, its parameters and the English text), and the raw text (cut at 2 KB). */
export interface Reject {
  file: string;
  line: number;
  code: ReasonCode;
  params?: ReasonJson['params'];
  reason: string;
  raw: string;
}

/** What a parser yields, a batch at a time (a few thousand records), so memory stays flat. */
export interface ParsedBatch {
  traces: TraceRecord[];
  events: EventRow[];
  rejects: Reject[];
  /** Records read so far in this file, including rejected ones (for progress). */
  read: number;
  /**
   * Lines read so far that are deliberately not stored, neither rows nor rejects (e.g. mailbox events of
   * tracking logs that name no message). Counted in `read` too.
   */
  skipped: number;
}

/** The input of a parser: the file's decoded text in chunks (BOM removed), and its name for rejects. */
export interface ParseInput {
  file: string;
  chunks: AsyncIterable<string>;
}

/** One input format. */
export interface Format {
  readonly name: FormatName;
  /** A sentence for error messages: what this format looks like. */
  readonly description: string;
  /** Whether the decoded start of a file (first 64 KB, BOM removed) is in this format. */
  detect(head: string): boolean;
  /** Stream the records of one file. */
  parse(input: ParseInput): AsyncIterable<ParsedBatch>;
}
