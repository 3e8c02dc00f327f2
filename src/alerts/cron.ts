/** A parser for the five standard cron fields (minute hour day-of-month month day-of-week), evaluated in UTC. */
// Own code rather than a cron library: five fields, UTC only and a next-time search are ~100 lines with tests, and alerts need nothing more (no seconds, no time zones, no @reboot).
import { SchemaTextError } from '../config/index.js';

/** A parsed cron expression: the allowed values of each field. */
export interface CronExpression {
  readonly text: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  /** Whether day-of-month / day-of-week was restricted (not `*`): when both are, a day matching either fires (Vixie cron). */
  readonly domRestricted: boolean;
  readonly dowRestricted: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  // 7 is Sunday as well as 0, as in most crons.
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/** Parse `*\/10 * * * *` and friends; throws a SchemaTextError whose message says which field is wrong. */
export function parseCron(text: string): CronExpression {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) throw new SchemaTextError('cron-fields', { value: text, count: parts.length });
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]!));
  const dow = new Set([...sets[4]!].map((d) => (d === 7 ? 0 : d)));
  const cron: CronExpression = {
    text,
    minutes: sets[0]!,
    hours: sets[1]!,
    daysOfMonth: sets[2]!,
    months: sets[3]!,
    daysOfWeek: dow,
    domRestricted: parts[2] !== '*' && !parts[2]!.startsWith('*/'),
    dowRestricted: parts[4] !== '*' && !parts[4]!.startsWith('*/'),
  };
  if (nextCronTime(cron, Date.UTC(2000, 0, 1)) === null) throw new SchemaTextError('cron-never', { value: text });
  return cron;
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const item of text.toLowerCase().split(',')) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw new SchemaTextError('cron-field-invalid', { field: spec.name, value: text });
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) throw new SchemaTextError('cron-step', { field: spec.name, value: text });
    let lo = spec.min;
    let hi = spec.max === 7 ? 6 : spec.max;
    if (m[1] !== '*') {
      const [a, b] = m[1]!.split('-');
      lo = value(a!, spec, text);
      hi = b === undefined ? (m[2] === undefined ? lo : spec.max) : value(b, spec, text);
      if (hi < lo) throw new SchemaTextError('cron-range-backwards', { field: spec.name, value: item });
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function value(token: string, spec: FieldSpec, field: string): number {
  const named = spec.names?.indexOf(token) ?? -1;
  const n = named >= 0 ? named + spec.min : /^\d+$/.test(token) ? Number(token) : NaN;
  if (!(n >= spec.min && n <= spec.max))
    throw new SchemaTextError('cron-value-range', { field: spec.name, value: token, expression: field, min: spec.min, max: spec.max });
  return n;
}

function dayMatches(cron: CronExpression, d: Date): boolean {
  const dom = cron.daysOfMonth.has(d.getUTCDate());
  const dow = cron.daysOfWeek.has(d.getUTCDay());
  if (cron.domRestricted && cron.dowRestricted) return dom || dow;
  return dom && dow;
}

/** The first time (ms, whole minute, UTC) strictly after `afterMs` that the expression matches; null if none within 5 years. */
export function nextCronTime(cron: CronExpression, afterMs: number): number | null {
  const d = new Date(Math.floor(afterMs / 60_000) * 60_000 + 60_000);
  const limit = afterMs + 5 * 366 * 86_400_000;
  while (d.getTime() <= limit) {
    if (!cron.months.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(cron, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!cron.hours.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
    } else {
      return d.getTime();
    }
  }
  return null;
}
