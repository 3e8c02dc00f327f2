/** How the DuckDB dialect reads a summary table: the store keeps one row per hour and group, rewritten at each write. */
import { MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE, type TraceAggregateDef } from '../../../schema/index.js';
import { quoteIdentifier as q } from './quote.js';

/** See Dialect.aggregateSource. */
export function aggregateSource(def: TraceAggregateDef): string {
  const dims = def.dimensions.map(q).join(', ');
  return `SELECT "Received", ${dims}, "Rows" AS "__Rows", "Bytes" AS "__Bytes" FROM ${q(def.name)}`;
}

/** See Dialect.messageAggregateSource. */
export function messageAggregateSource(): string {
  return `SELECT "Received", "Previous", "MessageTraceId", "Messages" FROM ${q(MESSAGE_AGGREGATE.name)}`;
}

/** See Dialect.messageStateAggregateSource. */
export function messageStateAggregateSource(): string {
  const dims = MESSAGE_STATE_AGGREGATE.dimensions.map(q).join(', ');
  return `SELECT "Received", "States", ${dims}, "MessageTraceId", "Messages" FROM ${q(MESSAGE_STATE_AGGREGATE.name)}`;
}
