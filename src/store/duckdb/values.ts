/** Conversion of DuckDB result values and type names into the JSON-friendly values the rest of mailsift uses. */
import {
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBValueConverter,
  type JS,
} from '@duckdb/node-api';
import type { ColumnType } from '../../schema/index.js';
import { isoFromMicros } from '../datetime-text.js';

/** KQL type of a DuckDB type name (as DuckDBType.toString() prints it). */
export function kqlTypeOf(duckdbTypeName: string): ColumnType {
  const t = duckdbTypeName.toUpperCase();
  if (t.startsWith('TIMESTAMP') || t === 'DATE') return 'datetime';
  if (t === 'BIGINT' || t === 'HUGEINT' || t === 'UBIGINT' || t === 'UINTEGER') return 'long';
  if (t === 'INTEGER' || t === 'SMALLINT' || t === 'TINYINT' || t === 'USMALLINT' || t === 'UTINYINT') return 'int';
  if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL')) return 'real';
  if (t === 'BOOLEAN') return 'bool';
  if (t === 'INTERVAL') return 'timespan';
  if (t === 'VARCHAR' || t === 'UUID') return 'string';
  return 'dynamic';
}

/** A timespan as KQL prints it: [-][d.]hh:mm:ss[.fffffff]. */
export function formatTimespan(micros: bigint): string {
  const neg = micros < 0n;
  let rest = neg ? -micros : micros;
  const day = 86_400_000_000n;
  const days = rest / day;
  rest %= day;
  const h = rest / 3_600_000_000n;
  rest %= 3_600_000_000n;
  const m = rest / 60_000_000n;
  rest %= 60_000_000n;
  const s = rest / 1_000_000n;
  const frac = rest % 1_000_000n;
  const pad = (n: bigint) => n.toString().padStart(2, '0');
  const fracText = frac === 0n ? '' : '.' + (frac * 10n).toString().padStart(7, '0');
  return `${neg ? '-' : ''}${days > 0n ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${fracText}`;
}

/**
 * DuckDB's JS conversion, but timestamps become ISO text with their microseconds (the JS converter makes Date
 * objects: milliseconds, and a value before 1970 rounded up to the next millisecond).
 */
export const resultValueConverter: DuckDBValueConverter<JS> = (value, type, converter) => {
  if (type.typeId === DuckDBTypeId.TIMESTAMP && value instanceof DuckDBTimestampValue) return isoFromMicros(value.micros);
  if (type.typeId === DuckDBTypeId.TIMESTAMP_TZ && value instanceof DuckDBTimestampTZValue) return isoFromMicros(value.micros);
  // Nanoseconds below the microsecond are dropped (floor), as everywhere else in mailsift.
  if (type.typeId === DuckDBTypeId.TIMESTAMP_NS && value instanceof DuckDBTimestampNanosecondsValue) {
    return isoFromMicros((value.nanos - (((value.nanos % 1000n) + 1000n) % 1000n)) / 1000n);
  }
  return JSDuckDBValueConverter(value, type, converter);
};

/** A JS value from DuckDB's getRowsJS() (or resultValueConverter) made JSON-friendly: Date -> ISO, bigint -> number, interval -> timespan text. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('months' in v && 'days' in v && 'micros' in v) {
      const micros =
        BigInt(v.micros as bigint) + BigInt(v.days as number) * 86_400_000_000n + BigInt(v.months as number) * 30n * 86_400_000_000n;
      return formatTimespan(micros);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return value;
}
