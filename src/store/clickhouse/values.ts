/** Rows to and from ClickHouse: datetimes as Int64 microseconds, dynamic values as JSON text, booleans as Enum8. */
import type { TableDef } from '../../schema/index.js';
import type { ColumnType } from '../../schema/index.js';
import { StoreQueryError } from '../errors.js';

/** A schema row (datetimes as ms, dynamic as any JSON value) as a JSONEachRow object with the ClickHouse values. */
export function encodeRow(table: TableDef, row: object, extra: Record<string, number>): Record<string, unknown> {
  const src = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const c of table.columns) out[c.name] = encodeValue(table.name, c.name, c.type, src[c.name]);
  return Object.assign(out, extra);
}

function encodeValue(table: string, column: string, type: ColumnType, v: unknown): unknown {
  const bad = () => new StoreQueryError(`${table}.${column}: ${JSON.stringify(v)} is not a ${type}`);
  switch (type) {
    case 'datetime':
      if (v === null || v === undefined) return null;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return Math.round(v * 1000);
    case 'long':
    case 'int':
    case 'timespan':
      if (v === null || v === undefined) return 0;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return Math.trunc(v);
    case 'real':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return v;
    case 'bool':
      return v ? 1 : 0;
    case 'dynamic':
      return v === null || v === undefined ? '' : JSON.stringify(v);
    case 'string':
      if (v === null || v === undefined) return '';
      if (typeof v !== 'string') throw bad();
      return v;
  }
}

/** A schema row back from a JSONCompact row of `SELECT <table columns>` (datetimes to ms, dynamic parsed). */
export function decodeRow<T>(table: TableDef, values: readonly unknown[]): T {
  const out: Record<string, unknown> = {};
  table.columns.forEach((c, i) => {
    const v = values[i];
    if (c.type === 'datetime') out[c.name] = v === null ? null : Math.round(Number(v) / 1000);
    else if (c.type === 'dynamic') out[c.name] = v === '' || v === null ? null : JSON.parse(String(v));
    else if (c.type === 'long' || c.type === 'int' || c.type === 'real') out[c.name] = Number(v);
    else out[c.name] = v;
  });
  return out as T;
}

/** KQL type of a ClickHouse result type (as JSON `meta` names it). */
export function kqlTypeOf(chType: string): ColumnType {
  const t = chType.replace(/^Nullable\((.*)\)$/, '$1').replace(/^LowCardinality\((.*)\)$/, '$1');
  if (t.startsWith('Enum8(') && t.includes("'true'")) return 'bool';
  if (t === 'DateTime' || t === 'Date' || t.startsWith('DateTime(')) return 'datetime';
  if (/^U?Int(64|32|16|8)$/.test(t))
    return t === 'Int32' || t === 'Int16' || t === 'UInt16' || t === 'UInt8' || t === 'Int8' ? 'int' : 'long';
  if (t.startsWith('Float') || t.startsWith('Decimal')) return 'real';
  if (t === 'String' || t.startsWith('FixedString') || t === 'UUID') return 'string';
  return 'dynamic';
}

/** How ClickHouse writes infinities and NaN with output_format_json_quote_denormals (see connection.ts). */
const DENORMALS: ReadonlyMap<string, number> = new Map([
  ['inf', Number.POSITIVE_INFINITY],
  ['-inf', Number.NEGATIVE_INFINITY],
  ['+inf', Number.POSITIVE_INFINITY],
  ['nan', Number.NaN],
  ['-nan', Number.NaN],
]);

/** A result value made JSON-friendly: 64-bit integers as numbers, booleans as booleans, DateTime as ISO text. */
export function plainValue(chType: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const kind = kqlTypeOf(chType);
  if (kind === 'bool') return v === 'true';
  if (kind === 'real' && typeof v === 'string' && DENORMALS.has(v)) return DENORMALS.get(v);
  if (kind === 'long' || kind === 'int' || kind === 'real') return typeof v === 'string' ? Number(v) : v;
  if (kind === 'datetime') return new Date(`${String(v).replace(' ', 'T')}${String(v).length === 10 ? 'T00:00:00' : ''}Z`).toISOString();
  return v;
}
