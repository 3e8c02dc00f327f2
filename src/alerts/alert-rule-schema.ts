/** The zod schema of one alert rule in `alerts.rules`, with messages that say what a valid value looks like. */
import { z } from 'zod';
import { parseDuration, schemaIssue, schemaMessage, SchemaTextError, type SchemaTextCode } from '../config/index.js';
import { DETECTION_RULE_IDS, SEVERITIES } from './finding.js';
import { parseSchedule, type Schedule } from './schedule.js';

export const COMPARISONS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** When a query rule fires: on the number of result rows, or when some row's column compares true. */
export type AlertCondition =
  { kind: 'rows'; op: Comparison; value: number } | { kind: 'column'; column: string; op: Comparison; value: number | string };

const duration = () =>
  z.string().transform((s, ctx) => {
    const ms = parseDuration(s);
    if (Number.isNaN(ms) || ms <= 0) {
      ctx.addIssue({ code: 'custom', ...schemaIssue('alert-duration', { value: s }) });
      return z.NEVER;
    }
    return ms;
  });

const schedule = z.string().transform((s, ctx): Schedule => {
  try {
    return parseSchedule(s);
  } catch (error) {
    if (!(error instanceof SchemaTextError)) throw error;
    ctx.addIssue({ code: 'custom', ...schemaIssue(error.text, error.params) });
    return z.NEVER;
  }
});

const condition = z.unknown().transform((v, ctx): AlertCondition => {
  const bad = (code: SchemaTextCode, params?: Record<string, string>) => {
    ctx.addIssue({ code: 'custom', ...schemaIssue(code, params) });
    return z.NEVER;
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('condition-shape');
  const o = v as Record<string, unknown>;
  if ('rows' in o) {
    const extra = Object.keys(o).filter((k) => k !== 'rows');
    if (extra.length > 0) return bad('condition-rows-extra', { name: extra[0]! });
    const m = /^\s*(>=|<=|==|!=|>|<)\s*(\d+)\s*$/.exec(String(o.rows));
    if (!m) return bad('condition-rows', { value: String(o.rows) });
    return { kind: 'rows', op: m[1] as Comparison, value: Number(m[2]) };
  }
  const extra = Object.keys(o).filter((k) => !['column', 'op', 'value'].includes(k));
  if (extra.length > 0) return bad('condition-extra', { name: extra[0]! });
  if (typeof o.column !== 'string' || o.column === '') return bad('condition-column');
  if (!COMPARISONS.includes(o.op as Comparison)) return bad('condition-op', { values: COMPARISONS.join(' ') });
  if (typeof o.value !== 'number' && typeof o.value !== 'string') return bad('condition-value');
  return { kind: 'column', column: o.column, op: o.op as Comparison, value: o.value };
});

export const alertRuleSchema = z
  .object({
    name: z.string().min(1).max(200),
    enabled: z.boolean().default(true),
    /** A detection rule id, or '*' for every detection. */
    detection: z
      .enum([...DETECTION_RULE_IDS, '*'], { error: schemaMessage('detection-choice', { values: DETECTION_RULE_IDS.join(', ') }) })
      .optional(),
    /** KQL whose result the condition is checked on. */
    query: z.string().trim().min(1).optional(),
    schedule,
    condition: condition.optional(),
    /** Severity of the alerts (query rules; on detection rules it replaces the finding's). */
    severity: z.enum(SEVERITIES, { error: schemaMessage('one-of', { values: SEVERITIES.join(', ') }) }).optional(),
    /** Findings below this severity do not alert. */
    minSeverity: z.enum(SEVERITIES, { error: schemaMessage('one-of', { values: SEVERITIES.join(', ') }) }).default('low'),
    /** Do not repeat the same alert within this period. */
    suppress: duration().default(3_600_000),
    /** How far back the query's time range (or a finding's end) reaches; default the schedule's period (detections: at least 1h). */
    lookback: duration().optional(),
    /** Result columns whose values tell alerts of a query rule apart (one alert per distinct key). */
    key: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
    destinations: z.array(z.string().min(1)).min(1, schemaMessage('destinations-none')),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.detection === undefined) === (r.query === undefined))
      ctx.addIssue({ code: 'custom', path: ['detection'], ...schemaIssue('detection-or-query') });
    if (r.detection !== undefined && r.condition !== undefined)
      ctx.addIssue({ code: 'custom', path: ['condition'], ...schemaIssue('condition-query-only') });
    if (r.detection !== undefined && r.key !== undefined) ctx.addIssue({ code: 'custom', path: ['key'], ...schemaIssue('key-query-only') });
  });

/** An alert rule as written in the configuration, validated. */
export type AlertRuleInput = z.infer<typeof alertRuleSchema>;
