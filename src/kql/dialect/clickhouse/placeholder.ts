/** ClickHouse query parameters: `{p1:Type}`, bound by name (p1 is params[0]) through query_params. */
import type { ColumnType } from '../../../schema/index.js';

const TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'String',
  long: 'Int64',
  int: 'Int32',
  real: 'Float64',
  bool: 'Bool',
  datetime: "DateTime64(6, 'UTC')",
  dynamic: 'String',
  timespan: 'Int64',
};

/** `{pN:Type}`. */
export function placeholder(index: number, type: ColumnType): string {
  return `{p${index}:${TYPES[type]}}`;
}
