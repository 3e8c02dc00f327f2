/** How the ClickHouse dialect reads a KQL table: the store keeps versions of rows beside the KQL columns. */
import { TABLES } from '../../../schema/index.js';
import { quoteIdentifier } from './quote.js';

/**
 * MessageTrace is read with FINAL: the newest version of each (MessageTraceId, RecipientAddress), exactly. The
 * smaller tables also carry deletion marks (a replace writes them), filtered out here.
 */
export function tableSource(name: string): string {
  const q = quoteIdentifier(name);
  if (name === 'MessageTrace' || name === 'MessageEvents') return `${q} FINAL`;
  const cols = (TABLES[name]?.columns ?? []).map((c) => quoteIdentifier(c.name)).join(', ');
  return `(SELECT ${cols} FROM ${q} FINAL WHERE _deleted = 0)`;
}
