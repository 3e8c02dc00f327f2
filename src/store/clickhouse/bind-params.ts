/** Values of a query given as parameters, inlined (ClickHouse 18.16 has no query parameters). */
import { getDialect } from '../../kql/index.js';
import type { ColumnType } from '../../schema/index.js';
import { StoreQueryError } from '../errors.js';

const lit = (value: unknown, type: ColumnType): string => getDialect('clickhouse').literal(value, type);

/** SQL of the KQL compiler carries no placeholders for ClickHouse; `{pN:Type}` ones (if any) are filled with literals. */
export function bindParams(sql: string, params: readonly unknown[]): string {
  if (params.length === 0) return sql;
  // `$N` too: the positional form other callers of query() use.
  return sql.replace(/\{p(\d+):(\w+)\}|\$(\d+)/g, (_m, n: string | undefined, type: string | undefined, dollar: string | undefined) => {
    const i = Number(n ?? dollar) - 1;
    if (i < 0 || i >= params.length) throw new StoreQueryError(`no value for parameter ${n ?? dollar}`);
    const v = params[i];
    return lit(v, (type as ColumnType | undefined) ?? (typeof v === 'number' ? (Number.isInteger(v) ? 'long' : 'real') : 'string'));
  });
}
