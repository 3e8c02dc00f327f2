/** Durations in alert rules: `30s`, `5m`, `1h`, `1d`, `1h30m`. */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const WHOLE = /^(?:\d+(?:s|m|h|d|w))+$/;
const PART = /(\d+)(s|m|h|d|w)/g;

/** Milliseconds of a duration such as `5m` or `1h30m`, or NaN when the text is not one. */
export function parseDuration(text: string): number {
  const s = text.trim().toLowerCase();
  if (!WHOLE.test(s)) return NaN;
  let total = 0;
  for (const m of s.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2]!]!;
  return total;
}

/** A short rendering such as `1d`, `2h`, `15m`, `90s`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms)}ms`;
}
