/**
 * How the ClickHouse dialect reads a summary table: the store writes signed changes (a row's old group -1, its
 * new group +1) into a SummingMergeTree, so a group is the sum of its rows whatever has been merged yet; groups
 * that add up to no rows are left out.
 */
import { MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE, type TraceAggregateDef } from '../../../schema/index.js';
import { quoteIdentifier as q } from './quote.js';

/** See Dialect.aggregateSource. */
export function aggregateSource(def: TraceAggregateDef): string {
  const keys = ['Received', ...def.dimensions].map(q).join(', ');
  return `SELECT ${keys}, sum(\`Rows\`) AS \`__Rows\`, sum(\`Bytes\`) AS \`__Bytes\` FROM ${q(def.name)} GROUP BY ${keys} HAVING sum(\`Rows\`) != 0`;
}

/**
 * See Dialect.messageAggregateSource. The store keeps "no earlier row" as a Previous equal to the hour and no
 * MessageTraceId (a sorting key cannot hold NULL): they are NULL here, as on DuckDB.
 */
export function messageAggregateSource(): string {
  const sums = `SELECT \`Received\` AS r, \`Previous\` AS p, \`MessageTraceId\` AS m, sum(\`Messages\`) AS n FROM ${q(MESSAGE_AGGREGATE.name)} GROUP BY r, p, m HAVING n != 0`;
  return `SELECT r AS \`Received\`, if(p = r, NULL, p) AS \`Previous\`, if(p = r, NULL, m) AS \`MessageTraceId\`, n AS \`Messages\` FROM (${sums})`;
}

/** See Dialect.messageStateAggregateSource: the signed counts of each row summed, rows that add up to none left out. */
export function messageStateAggregateSource(): string {
  const keys = ['Received', 'States', ...MESSAGE_STATE_AGGREGATE.dimensions, 'MessageTraceId'].map(q).join(', ');
  const sums = `SELECT ${keys}, sum(\`Messages\`) AS n FROM ${q(MESSAGE_STATE_AGGREGATE.name)} GROUP BY ${keys} HAVING n != 0`;
  return `SELECT ${keys}, n AS \`Messages\` FROM (${sums})`;
}
