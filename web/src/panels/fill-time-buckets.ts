// Time series with every bucket of the range present: a day or hour without mail is a 0, not a gap. Pure (no DOM).

/** The time bins a panel's query used (from the API): buckets start at originMs + k * stepMs, or at `starts`. */
export interface BinInfo {
  stepMs: number;
  originMs: number;
  /** Local days of unequal length (the clocks changed in the range): every bucket's start. */
  starts?: number[];
}

/** The parts of a query result the filling reads and writes. */
export interface SeriesTable {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** Which columns hold the bucket time, the value and (optionally) the series name. */
export interface SeriesColumns {
  x: string;
  y: string;
  series?: string;
}

/** More buckets than this are not filled (a chart could not show them anyway). */
export const MAX_BUCKETS = 5_000;

/** Start of the bucket holding `t`. */
export function bucketStart(t: number, bin: BinInfo): number {
  return bin.originMs + Math.floor((t - bin.originMs) / bin.stepMs) * bin.stepMs;
}

/** Starts of every bucket from the first at or after `from` up to (not including) `to`; [] when there would be too many. */
export function bucketStarts(bin: BinInfo, from: number, to: number): number[] {
  if (!(bin.stepMs > 0) || !Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  if (bin.starts) return bin.starts.filter((t) => t >= from && t < to);
  let t = bucketStart(from, bin);
  if (t < from) t += bin.stepMs;
  if ((to - t) / bin.stepMs > MAX_BUCKETS) return [];
  const out: number[] = [];
  for (; t < to; t += bin.stepMs) out.push(t);
  return out;
}

const key = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * `table` with a row of value 0 for every bucket of [from, to) and every series that has no row there.
 * Rows already present are kept as they are (also those outside the range); other columns of a new row are
 * null. New rows carry the time as the API writes it (ISO 8601, UTC). The rows come back sorted by time.
 */
export function fillTimeBuckets<T extends SeriesTable>(table: T, columns: SeriesColumns, bin: BinInfo, from: number, to: number): T {
  const xi = table.columns.findIndex((c) => c.name === columns.x);
  const yi = table.columns.findIndex((c) => c.name === columns.y);
  const si = columns.series === undefined ? -1 : table.columns.findIndex((c) => c.name === columns.series);
  if (xi < 0 || yi < 0 || table.columns[xi]!.type !== 'datetime') return table;
  const starts = bucketStarts(bin, from, to);

  // Series in first-seen order; a table without a series column is one series.
  const series: unknown[] = [];
  const seen = new Set<string>();
  const present = new Set<string>();
  for (const r of table.rows) {
    const s = si >= 0 ? r[si] : undefined;
    if (!seen.has(key(s))) {
      seen.add(key(s));
      series.push(s);
    }
    const t = Date.parse(key(r[xi]));
    if (!Number.isNaN(t)) present.add(`${t}\u0000${key(s)}`);
  }
  if (si < 0 && series.length === 0) series.push(undefined);
  // A series column in a table without rows: there is no series to draw zeros for.

  const added: unknown[][] = [];
  for (const t of starts) {
    for (const s of series) {
      if (present.has(`${t}\u0000${key(s)}`)) continue;
      const row = new Array<unknown>(table.columns.length).fill(null);
      row[xi] = new Date(t).toISOString();
      row[yi] = 0;
      if (si >= 0) row[si] = s;
      added.push(row);
    }
  }
  const rows = [...table.rows, ...added].map((r, i) => [Date.parse(key(r[xi])), i, r] as const);
  // Stable by time; rows whose time does not parse stay at the end in their order.
  rows.sort((a, b) => (Number.isNaN(a[0]) ? Infinity : a[0]) - (Number.isNaN(b[0]) ? Infinity : b[0]) || a[1] - b[1]);
  return { ...table, rows: rows.map((r) => r[2]) };
}
