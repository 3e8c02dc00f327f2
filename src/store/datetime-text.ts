/**
 * The one ISO 8601 form of datetimes in results, from an exact count of microseconds (DuckDB TIMESTAMP and the
 * ClickHouse store's Int64 both keep microseconds): milliseconds always ('2026-11-01T09:45:00.000Z', the form
 * every caller has read so far), and all six digits when the value has a part below the millisecond
 * ('2026-11-01T09:45:00.123456Z'). Date.parse reads both forms.
 */
/** The ISO text of `micros` since 1970-01-01 UTC (negative before it); null outside JS Date's years. */
export function isoFromMicros(micros: bigint): string | null {
  // Floor division: -1 µs is 1969-12-31T23:59:59.999999Z, not 1970-01-01 (BigInt division truncates toward zero).
  const rest = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const seconds = (micros - rest) / 1_000_000n;
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const fraction = rest % 1000n === 0n ? (rest / 1000n).toString().padStart(3, '0') : rest.toString().padStart(6, '0');
  return date.toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
}
