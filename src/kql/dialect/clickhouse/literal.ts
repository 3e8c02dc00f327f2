/** Values inlined into ClickHouse SQL (18.16 has no query parameters): strings only through escapeString. */
import type { ColumnType } from '../../../schema/index.js';
import { escapeString } from './escape.js';

/** A constant of `type` for `value`; throws for a value that is not of that type (never text pasted into SQL). */
export function literal(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') {
    if (type === 'datetime') {
      const ms = Date.parse(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);
      if (Number.isNaN(ms)) throw new Error(`not a datetime: ${JSON.stringify(value)}`);
      return `toInt64(${ms * 1000})`;
    }
    return escapeString(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return `toInt64(${value.toString()})`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    if (type === 'real') return `toFloat64(${Number.isInteger(value) ? `${value}.0` : String(value)})`;
    if (type === 'datetime') return `toInt64(${Math.round(value * 1000)})`;
    return Number.isInteger(value) ? `toInt64(${value})` : `toFloat64(${value})`;
  }
  throw new Error(`cannot inline a ${typeof value} as ${type}`);
}
