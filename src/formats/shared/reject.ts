/** Building rejects and batches: the bookkeeping every parser shares. */
import type { EventRow, TraceRecord } from '../../schema/index.js';
import type { ParsedBatch, Reject } from '../format.js';
import type { RejectReason } from './reject-reason.js';

/** Longest raw text kept in a reject. */
export const MAX_RAW = 2048;

/** Rows gathered before a batch is handed out. */
export const BATCH_SIZE = 5000;

/** A reject with its raw text cut at 2 KB. */
export function makeReject(file: string, line: number, why: RejectReason, raw: string): Reject {
  const { params } = why.toJSON();
  return {
    file,
    line,
    code: why.code,
    ...(params ? { params } : {}),
    reason: why.text,
    raw: raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw,
  };
}

/** Collects rows of one file and hands them out a batch at a time. */
export class BatchBuilder {
  traces: TraceRecord[] = [];
  events: EventRow[] = [];
  rejects: Reject[] = [];
  /** Records read so far in the file, rejects included. */
  read = 0;
  /** Lines read and deliberately not stored (see ParsedBatch.skipped). */
  skipped = 0;

  constructor(readonly file: string) {}

  /** Record a reject (does not count a read: callers count each record once). */
  reject(line: number, why: RejectReason, raw: string): void {
    this.rejects.push(makeReject(this.file, line, why, raw));
  }

  /** Whether enough rows are waiting to make a batch. */
  get full(): boolean {
    return this.traces.length + this.events.length + this.rejects.length >= BATCH_SIZE;
  }

  /** Whether anything is waiting (or the read count moved since the last batch). */
  get pending(): boolean {
    return this.traces.length + this.events.length + this.rejects.length > 0 || this.read !== this.lastRead;
  }

  private lastRead = 0;

  /** Everything waiting, in batches of at most BATCH_SIZE rows of each kind (for rows emitted all at once). */
  *drain(): Generator<ParsedBatch> {
    while (this.traces.length > BATCH_SIZE || this.events.length > BATCH_SIZE || this.rejects.length > BATCH_SIZE) {
      const batch: ParsedBatch = {
        traces: this.traces.splice(0, BATCH_SIZE),
        events: this.events.splice(0, BATCH_SIZE),
        rejects: this.rejects.splice(0, BATCH_SIZE),
        read: this.read,
        skipped: this.skipped,
      };
      this.lastRead = this.read;
      yield batch;
    }
    if (this.pending) yield this.take();
  }

  /** The waiting rows as a batch; the builder starts empty again. */
  take(): ParsedBatch {
    const batch: ParsedBatch = { traces: this.traces, events: this.events, rejects: this.rejects, read: this.read, skipped: this.skipped };
    this.traces = [];
    this.events = [];
    this.rejects = [];
    this.lastRead = this.read;
    return batch;
  }
}
