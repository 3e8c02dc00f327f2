/** When a rule runs: every fixed interval (`5m`) or on a cron expression (`*\/10 * * * *`, UTC). */
import { parseCron, nextCronTime, type CronExpression } from './cron.js';
import { parseDuration, SchemaTextError } from '../config/index.js';

/** A parsed schedule. */
export type Schedule = { kind: 'interval'; text: string; everyMs: number } | { kind: 'cron'; text: string; cron: CronExpression };

/** Parse a schedule; throws a SchemaTextError with a message fit for the configuration key. */
export function parseSchedule(text: string): Schedule {
  const t = text.trim();
  if (/\s/.test(t)) return { kind: 'cron', text: t, cron: parseCron(t) };
  const everyMs = parseDuration(t);
  if (Number.isNaN(everyMs)) throw new SchemaTextError('schedule-invalid', { value: text });
  if (everyMs < 10_000) throw new SchemaTextError('schedule-too-short', { value: text });
  return { kind: 'interval', text: t, everyMs };
}

/** When the rule runs next after a run at `lastRunMs` (interval) or after `afterMs` (cron). */
export function nextRunTime(schedule: Schedule, afterMs: number): number {
  if (schedule.kind === 'interval') return afterMs + schedule.everyMs;
  // parseCron rejects expressions that never fire, so null here means "not within 5 years".
  return nextCronTime(schedule.cron, afterMs) ?? Number.POSITIVE_INFINITY;
}

/** The usual gap between two runs (for a cron, the gap between the next two), used as the default look-back. */
export function schedulePeriod(schedule: Schedule, nowMs: number): number {
  if (schedule.kind === 'interval') return schedule.everyMs;
  const a = nextCronTime(schedule.cron, nowMs);
  const b = a === null ? null : nextCronTime(schedule.cron, a);
  return a === null || b === null ? 86_400_000 : b - a;
}
