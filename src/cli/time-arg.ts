/** Parsing of --from/--to values: ISO times (UTC unless a zone is given) or durations back from now (7d, 12h, 30m). */
import { parseDuration } from '../config/index.js';
import { parseTime } from '../schema/index.js';
import { UsageError } from './exit-codes.js';
import { msg } from './messages.js';

/** Milliseconds since the epoch for a flag value; throws a UsageError naming the flag. */
export function parseTimeArg(flag: string, value: string, now = Date.now()): number {
  // A duration needs its unit here: a bare number is no time either.
  const back = /[a-z]$/i.test(value.trim()) ? parseDuration(value) : NaN;
  if (!Number.isNaN(back)) return now - back;
  const t = parseTime(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new UsageError(msg().errors.badTime(flag, value));
  return t;
}
