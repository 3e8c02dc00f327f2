/** Reads a streamed DuckDB result into plain rows, chunk by chunk, within a byte budget. */
import type { DuckDBResult } from '@duckdb/node-api';
import { StoreQueryError } from '../errors.js';
import { jsonRowSize } from '../json-size.js';
import type { QueryResult } from '../store.js';
import { kqlTypeOf, resultValueConverter, toPlain } from './values.js';

/** A result as read; `complete` is false when rows were left in the stream. */
export type ReadResult = QueryResult & { complete: boolean };

/**
 * Read `result` to its end, or until the rows would pass `maxBytes` as JSON (then `cut` is 'bytes' and the
 * rest is never computed: the stream is pulled one chunk at a time). Stops with an error when `signal` aborts.
 */
export async function readResult(result: DuckDBResult, options: { maxBytes?: number; signal?: AbortSignal }): Promise<ReadResult> {
  const types = result.columnTypes().map((t) => kqlTypeOf(t.toString()));
  const columns = result.columnNames().map((name, i) => ({ name, type: types[i]! }));
  const rows: unknown[][] = [];
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let bytes = 0;
  for (;;) {
    if (options.signal?.aborted) throw new StoreQueryError('query interrupted');
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return { columns, rows, complete: true };
    for (let i = 0; i < chunk.rowCount; i++) {
      const row = chunk.convertRowValues(i, resultValueConverter).map(toPlain);
      bytes += jsonRowSize(row);
      if (bytes > maxBytes) return { columns, rows, cut: 'bytes', complete: false };
      rows.push(row);
    }
  }
}
