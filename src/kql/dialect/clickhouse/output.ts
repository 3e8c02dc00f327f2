/** Result values of the ClickHouse dialect made what the DuckDB store returns: ISO datetimes, KQL timespan text. */
import type { ColumnType } from '../../../schema/index.js';
import { isoText, pad } from './datetime-text.js';

/** KQL timespan text ([-][d.]hh:mm:ss[.fffffff]) of an Int64 of microseconds. */
export function timespanText(x: string): string {
  const a = `abs(${x})`;
  const days = `intDiv(${a}, 86400000000)`;
  const h = `intDiv(${a} % toInt64(86400000000), 3600000000)`;
  const m = `intDiv(${a} % toInt64(3600000000), 60000000)`;
  const s = `intDiv(${a} % toInt64(60000000), 1000000)`;
  const frac = `(${a} % toInt64(1000000))`;
  return `concat(if(${x} < 0, '-', ''), if(${days} > 0, concat(toString(${days}), '.'), ''), ${pad(h, 2)}, ':', ${pad(m, 2)}, ':', ${pad(s, 2)}, if(${frac} = 0, '', concat('.', ${pad(`${frac} * 10`, 7)})))`;
}

/** The output hook of the dialect. */
export function outputValue(x: string, type: ColumnType): string | undefined {
  if (type === 'datetime') return isoText(x);
  if (type === 'timespan') return timespanText(x);
  // 18.16 has no Bool: a comparison is a UInt8; this Enum tells the store the column holds booleans.
  if (type === 'bool') return `CAST(${x} AS Nullable(Enum8('false' = 0, 'true' = 1)))`;
  return undefined;
}
