/** How the ClickHouse dialect reads a KQL table: the store keeps versions of rows beside the KQL columns. */
import { TABLES } from '../../../schema/index.js';
import { quoteIdentifier } from './quote.js';

/**
 * Tables are read with FINAL: the newest version of each key, exactly; the smaller tables also carry deletion
 * marks (a replace writes them), filtered out here. A subquery that reads every column and the version: 18.16
 * fails FINAL on a Distributed table when the query reads fewer columns ("Cannot find column ... in source
 * stream"). The store turns on enable_optimize_predicate_expression, which moves filters into it.
 */
export function tableSource(name: string): string {
  const q = quoteIdentifier(name);
  const cols = (TABLES[name]?.columns ?? []).map((c) => quoteIdentifier(c.name)).join(', ');
  const live = name === 'MessageTrace' || name === 'MessageEvents' ? '' : ' WHERE _deleted = 0';
  return `(SELECT ${cols}, _version FROM ${q} FINAL${live})`;
}
