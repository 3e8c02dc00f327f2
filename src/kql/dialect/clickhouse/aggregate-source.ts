/**
 * How the ClickHouse dialect reads a summary table: the store writes signed changes (a row's old group -1, its
 * new group +1) into a SummingMergeTree, so a group is the sum of its rows whatever has been merged yet; groups
 * that add up to no rows are left out.
 */
import type { TraceAggregateDef } from '../../../schema/index.js';
import { quoteIdentifier as q } from './quote.js';

/** See Dialect.aggregateSource. */
export function aggregateSource(def: TraceAggregateDef): string {
  const keys = ['Received', ...def.dimensions].map(q).join(', ');
  return `SELECT ${keys}, sum(\`Rows\`) AS \`__Rows\`, sum(\`Bytes\`) AS \`__Bytes\` FROM ${q(def.name)} GROUP BY ${keys} HAVING sum(\`Rows\`) != 0`;
}
