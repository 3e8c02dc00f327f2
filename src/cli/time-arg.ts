/** Parsing of --from/--to values: ISO times (UTC unless a zone is given) or durations back from now (7d, 12h, 30m). */
import { parseTime } from '../schema/index.js';
import { UsageError } from './exit-codes.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds since the epoch for a flag value; throws a UsageError naming the flag. */
export function parseTimeArg(flag: string, value: string, now = Date.now()): number {
  const rel = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(value.trim());
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2]!]!;
  const t = parseTime(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new UsageError(`${flag} '${value}' is neither a time (2026-11-01, 2026-11-01T09:00:00Z) nor a duration back from now (7d, 12h, 30m)`);
  return t;
}
