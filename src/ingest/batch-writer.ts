/**
 * Groups records into store transactions of exactly `batchSize` trace rows (the last one smaller), across
 * files, and keeps one write in flight while the caller reads on. Rows carry the tally of the file they came
 * from, so that each file's new / updated / duplicate counts stay exact when one transaction holds several files.
 */
import type { EventRow, TraceRecord, TraceRow } from '../schema/index.js';
import type { Store, UpsertCounts } from '../store/index.js';

/** Counts of what a writer stored. */
export interface WriteCounts {
  ingested: number;
  updated: number;
  duplicates: number;
  events: number;
}

/** Rows of one owner (a file) waiting to be written, and where their counts go. */
interface Segment {
  tally: WriteCounts;
  traces: TraceRecord[];
  events: EventRow[];
}

const newCounts = (): WriteCounts => ({ ingested: 0, updated: 0, duplicates: 0, events: 0 });

/** Writes traces (enriched) and events to a store in transactions of `batchSize` trace rows. */
export class BatchWriter {
  /** Counts of everything written, whoever it belonged to. */
  readonly counts: WriteCounts = newCounts();
  /** Trace rows committed so far. */
  committed = 0;
  private queue: Segment[] = [];
  private queuedTraces = 0;
  private queuedEvents = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly enrich: (records: TraceRecord[]) => TraceRow[],
    private readonly batchSize = 100_000,
    /** Called after each transaction with the trace rows committed so far. */
    private readonly onCommitted?: (committed: number) => void,
  ) {}

  /** Queue records (counted into `tally` when given); when a batch is full, wait for the previous write and start this one. */
  async add(traces: readonly TraceRecord[], events: readonly EventRow[], tally?: WriteCounts): Promise<void> {
    if (traces.length === 0 && events.length === 0) return;
    const owner = tally ?? this.counts;
    let last = this.queue[this.queue.length - 1];
    if (!last || last.tally !== owner) {
      last = { tally: owner, traces: [], events: [] };
      this.queue.push(last);
    }
    for (const r of traces) last.traces.push(r);
    for (const e of events) last.events.push(e);
    this.queuedTraces += traces.length;
    this.queuedEvents += events.length;
    while (this.queuedTraces >= this.batchSize || this.queuedEvents >= this.batchSize) await this.flush();
  }

  /** Write what is queued and wait for every write. */
  async finish(): Promise<WriteCounts> {
    while (this.queuedTraces > 0 || this.queuedEvents > 0) await this.flush();
    await this.pending;
    return this.counts;
  }

  /** Wait for the write in flight, ignoring its failure (used when the run is already failing). */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  /** Take exactly one batch (at most `batchSize` traces and `batchSize` events) off the front of the queue. */
  private take(): Segment[] {
    const out: Segment[] = [];
    let traces = this.batchSize;
    let events = this.batchSize;
    while (this.queue.length > 0 && (traces > 0 || events > 0)) {
      const s = this.queue[0]!;
      const t = s.traces.length <= traces ? s.traces.splice(0) : s.traces.splice(0, traces);
      const e = s.events.length <= events ? s.events.splice(0) : s.events.splice(0, events);
      traces -= t.length;
      events -= e.length;
      if (t.length || e.length) out.push({ tally: s.tally, traces: t, events: e });
      if (s.traces.length === 0 && s.events.length === 0) this.queue.shift();
      else break;
    }
    for (const s of out) {
      this.queuedTraces -= s.traces.length;
      this.queuedEvents -= s.events.length;
    }
    return out;
  }

  private async flush(): Promise<void> {
    const batch = this.take();
    await this.pending;
    // The caller parses the next batch while the store writes this one: at most one write in flight.
    this.pending = this.write(batch);
  }

  private async write(batch: Segment[]): Promise<void> {
    const withTraces = batch.filter((s) => s.traces.length > 0);
    if (withTraces.length === 1 || (withTraces.length > 1 && !this.store.upsertTracesWithOutcomes)) {
      // One owner per transaction (engines that can't say which row became what get one per owner).
      for (const s of withTraces) this.count(s.tally, await this.store.upsertTraces(this.enrich(s.traces)), s.traces.length);
    } else if (withTraces.length > 1) {
      const rows = withTraces.flatMap((s) => s.traces);
      const result = await this.store.upsertTracesWithOutcomes!(this.enrich(rows));
      let at = 0;
      for (const s of withTraces) {
        const c: UpsertCounts = { ingested: 0, updated: 0, duplicates: 0 };
        for (let i = 0; i < s.traces.length; i++, at++) {
          const o = result.outcomes[at];
          if (o === 0) c.ingested++;
          else if (o === 1) c.updated++;
          else c.duplicates++;
        }
        this.count(s.tally, c, s.traces.length);
      }
    }
    const events = batch.flatMap((s) => s.events);
    if (events.length) {
      // New events are counted per run: the store says how many of a batch were new, not whose.
      this.counts.events += await this.store.insertEvents(events);
    }
    this.onCommitted?.(this.committed);
  }

  private count(tally: WriteCounts, c: UpsertCounts, rows: number): void {
    this.committed += rows;
    for (const t of tally === this.counts ? [tally] : [tally, this.counts]) {
      t.ingested += c.ingested;
      t.updated += c.updated;
      t.duplicates += c.duplicates;
    }
  }
}

/** Fresh zero counts, for a file's tally. */
export function emptyCounts(): WriteCounts {
  return newCounts();
}
