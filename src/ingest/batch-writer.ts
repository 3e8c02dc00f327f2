/** Groups records into large store transactions and keeps one write in flight while the caller reads on. */
import type { EventRow, TraceRecord, TraceRow } from '../schema/index.js';
import type { Store } from '../store/index.js';

/** Counts of what a writer stored. */
export interface WriteCounts {
  ingested: number;
  updated: number;
  duplicates: number;
  events: number;
}

/** Writes traces (enriched) and events to a store in transactions of about `batchSize` rows. */
export class BatchWriter {
  readonly counts: WriteCounts = { ingested: 0, updated: 0, duplicates: 0, events: 0 };
  private traces: TraceRecord[] = [];
  private events: EventRow[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly enrich: (records: TraceRecord[]) => TraceRow[],
    private readonly batchSize = 100_000,
  ) {}

  /** Queue records; when a batch is full, wait for the previous write and start this one. */
  async add(traces: readonly TraceRecord[], events: readonly EventRow[]): Promise<void> {
    for (const r of traces) this.traces.push(r);
    for (const e of events) this.events.push(e);
    if (this.traces.length >= this.batchSize || this.events.length >= this.batchSize) await this.flush();
  }

  /** Write what is queued and wait for every write. */
  async finish(): Promise<WriteCounts> {
    if (this.traces.length || this.events.length) await this.flush();
    await this.pending;
    return this.counts;
  }

  /** Wait for the write in flight, ignoring its failure (used when the run is already failing). */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    const traces = this.traces;
    const events = this.events;
    this.traces = [];
    this.events = [];
    await this.pending;
    // The caller parses the next batch while the store writes this one: at most one write in flight.
    this.pending = (async () => {
      if (traces.length) {
        const c = await this.store.upsertTraces(this.enrich(traces));
        this.counts.ingested += c.ingested;
        this.counts.updated += c.updated;
        this.counts.duplicates += c.duplicates;
      }
      if (events.length) this.counts.events += await this.store.insertEvents(events);
    })();
  }
}
