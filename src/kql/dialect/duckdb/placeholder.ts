/** DuckDB numbered parameters (`$1`), so one value can be referenced from several places of the SQL text. */
import type { ColumnType } from '../../../schema/index.js';

/** `$n` for strings and numbers; datetimes are bound as ISO strings and cast. */
export function placeholder(index: number, type: ColumnType): string {
  if (type === 'datetime') return `CAST($${index} AS TIMESTAMP)`;
  if (type === 'dynamic') return `CAST($${index} AS JSON)`;
  return `$${index}`;
}
