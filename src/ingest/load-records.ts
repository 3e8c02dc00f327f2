/** Loads generated or collected records (not files) into a store, e.g. the demo tenant. */
import type { EventRow, TraceRecord, TraceRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { BatchWriter, type WriteCounts } from './batch-writer.js';

/** Batches of records, as the demo generator and collectors produce them. */
export interface RecordBatch {
  traces: TraceRecord[];
  events: EventRow[];
}

/** Upsert every batch in large transactions; returns the counts and events stored. */
export async function loadRecords(
  store: Store,
  batches: Iterable<RecordBatch> | AsyncIterable<RecordBatch>,
  enrich: (records: TraceRecord[]) => TraceRow[],
  options: { batchSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<WriteCounts> {
  const writer = new BatchWriter(store, enrich, options.batchSize);
  let seen = 0;
  try {
    for await (const batch of batches) {
      await writer.add(batch.traces, batch.events);
      seen += batch.traces.length;
      options.onProgress?.(seen);
    }
    return await writer.finish();
  } catch (error) {
    await writer.settle();
    throw error;
  }
}
