/** Durations in the configuration: `30s`, `5m`, `15m`, `24h`, `7d`, `2w`, `1h30m`, `1.5h`, `100ms`, or a number of seconds. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;

/** Milliseconds of a duration, or NaN when the text is not one. A bare number counts seconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : NaN;
  const s = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  if (s === '') return NaN;
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (let m = PART.exec(s); m; m = PART.exec(s)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = PART.lastIndex;
    while (s[PART.lastIndex] === ' ') PART.lastIndex++;
  }
  return consumed === s.length ? total : NaN;
}

/** A short rendering such as `7d`, `24h`, `15m`, `90s`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms)}ms`;
}
