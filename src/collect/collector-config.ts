/** The `collectors:` entries of mailsift.yaml, validated here (the configuration loader passes them through). */
import { z } from 'zod';
import { parseDuration, schemaIssue, schemaMessage } from '../config/index.js';
import { CollectorConfigError } from './errors.js';

const DAY = 86_400_000;

/** Microsoft's limits for Graph message trace (learn.microsoft.com, messagetracingroot-list-messagetraces). */
export const GRAPH_LIMITS = { maxWindowMs: 10 * DAY, maxAgeMs: 90 * DAY, maxPageSize: 5000 } as const;
/** The Reporting Web Service shares Get-MessageTrace's limits: 10 days back, 10 days per query, 2,000 rows a page. */
export const RWS_LIMITS = { maxWindowMs: 10 * DAY, maxAgeMs: 10 * DAY, pageSize: 2000 } as const;

const duration = (fallback: string, min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .default(fallback)
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', ...schemaIssue('collector-duration', { value: JSON.stringify(v) }) });
      else if (ms < min || ms > max)
        ctx.addIssue({ code: 'custom', ...schemaIssue('collector-duration-range', { min: min / 1000, max: max / DAY }) });
      return ms;
    });

const httpUrl = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((s) => /^https?:\/\/[^\s/]+/i.test(s), schemaIssue('collector-url'))
    .transform((s) => s.replace(/\/+$/, ''));

const common = {
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, schemaMessage('collector-name')),
  tenantId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, schemaMessage('tenant-id')),
  clientId: z.string().regex(/^[0-9a-fA-F-]{36}$/, schemaMessage('client-id')),
  clientSecret: z.string().min(1).optional(),
  certificatePath: z.string().min(1).optional(),
  certificateThumbprint: z
    .string()
    .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
    .refine((s) => /^[0-9A-F]{40}$/.test(s), schemaIssue('thumbprint'))
    .optional(),
  loginUrl: httpUrl('https://login.microsoftonline.com'),
  enabled: z.boolean().default(true),
  interval: duration('5m', 10_000, DAY),
  lag: duration('15m', 0, DAY),
  lookback: duration('24h', 0, 10 * DAY),
  /** Requests per rolling 5 minutes this tenant may send (Microsoft's limit is 100). */
  requestBudget: z.number().int().min(5).max(100).default(100),
  /** Requests of each 5 minutes that scheduled passes leave free for on-demand lookups. */
  reserve: z.number().int().min(0).max(50).default(10),
  timeout: duration('60s', 1000, 600_000),
};

const graphSchema = z
  .object({
    ...common,
    type: z.literal('graph'),
    initialLookback: duration('7d', 0, GRAPH_LIMITS.maxAgeMs),
    window: duration('10d', 60_000, GRAPH_LIMITS.maxWindowMs),
    pageSize: z.number().int().min(1).max(GRAPH_LIMITS.maxPageSize).default(1000),
    graphUrl: httpUrl('https://graph.microsoft.com'),
  })
  .strict();

const rwsSchema = z
  .object({
    ...common,
    type: z.literal('reporting-web-service'),
    initialLookback: duration('7d', 0, RWS_LIMITS.maxAgeMs),
    window: duration('10d', 60_000, RWS_LIMITS.maxWindowMs),
    url: httpUrl('https://reports.office365.com/ecp/reportingwebservice/reporting.svc'),
  })
  .strict();

/** A Graph collector's settings, durations in milliseconds. */
export type GraphCollectorConfig = z.output<typeof graphSchema>;
/** A Reporting Web Service collector's settings, durations in milliseconds. */
export type RwsCollectorConfig = z.output<typeof rwsSchema>;
/** One validated `collectors:` entry. */
export type CollectorConfig = GraphCollectorConfig | RwsCollectorConfig;

/** The collector types mailsift knows. */
export const COLLECTOR_TYPES = ['graph', 'reporting-web-service'] as const;

/** Validate the `collectors:` entries; the message names the entry and key at fault, never a secret. */
export function parseCollectorConfigs(entries: readonly unknown[]): CollectorConfig[] {
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const type = (entry as { type?: unknown } | null)?.type;
    const label = `collectors.${i}${typeof (entry as { name?: unknown })?.name === 'string' ? ` (${(entry as { name: string }).name})` : ''}`;
    const schema = type === 'graph' ? graphSchema : type === 'reporting-web-service' ? rwsSchema : undefined;
    if (!schema) throw new CollectorConfigError(`${label}.type: must be one of ${COLLECTOR_TYPES.join(', ')}`);
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const message =
        issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
      throw new CollectorConfigError(`${label}${issue.path.length ? '.' + issue.path.join('.') : ''}: ${message}`);
    }
    const c = parsed.data;
    const hasSecret = c.clientSecret !== undefined;
    const hasCert = c.certificatePath !== undefined || c.certificateThumbprint !== undefined;
    if (hasSecret === hasCert)
      throw new CollectorConfigError(`${label}: give either clientSecret or certificatePath with certificateThumbprint`);
    if (hasCert && (!c.certificatePath || !c.certificateThumbprint))
      throw new CollectorConfigError(`${label}: certificatePath and certificateThumbprint go together`);
    if (c.reserve >= c.requestBudget) throw new CollectorConfigError(`${label}.reserve: must be smaller than requestBudget`);
    if (seen.has(c.name)) throw new CollectorConfigError(`${label}.name: another collector is already called ${c.name}`);
    seen.add(c.name);
    return c;
  });
}
