/** DuckDB table definitions derived from the schema, so the two can't drift apart. */
import { getDialect } from '../../kql/index.js';
import type { ColumnType, TableDef } from '../../schema/index.js';

const dialect = getDialect('duckdb');

const SQL_TYPE: Record<ColumnType, string> = {
  datetime: 'TIMESTAMP',
  string: 'VARCHAR',
  long: 'BIGINT',
  int: 'INTEGER',
  real: 'DOUBLE',
  bool: 'BOOLEAN',
  dynamic: 'JSON',
  timespan: 'INTERVAL',
};

/** The DuckDB type of a schema column type. */
export function duckdbType(type: ColumnType): string {
  return SQL_TYPE[type];
}

/** Quote an identifier (schema names only; never user text): the dialect's own quoting. */
export const quoteIdent = (name: string): string => dialect.quoteIdentifier(name);

/** A SQL string literal, for the few places where a value can't be bound: the DuckDB dialect's one escaper. */
export const quoteLiteral = (value: string): string => dialect.escapeString(value);

/** A TIMESTAMP constant of `ms` since the epoch (a whole number made here, never text from outside). */
export const timestampAt = (ms: number): string => `make_timestamp(${Math.trunc(ms)}::BIGINT * 1000)`;

/** Default of a column: strings '' and numbers 0 so that KQL never meets a NULL it doesn't expect. */
function defaultOf(type: ColumnType): string {
  if (type === 'string') return " DEFAULT ''";
  if (type === 'long' || type === 'int' || type === 'real') return ' DEFAULT 0';
  return '';
}

/** CREATE TABLE statement for a schema table. */
export function createTableSql(table: TableDef): string {
  const cols = table.columns.map((c) => {
    const notNull = c.type === 'string' || c.type === 'long' || c.type === 'int' ? ' NOT NULL' : '';
    return `  ${quoteIdent(c.name)} ${duckdbType(c.type)}${defaultOf(c.type)}${notNull}`;
  });
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (\n${cols.join(',\n')}\n)`;
}
