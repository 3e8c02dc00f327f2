/** The `alerts:` section validated: rules, and destinations checked against their type's own schema. Messages name the key. */
import { z } from 'zod';
import { issueReason, LANGUAGES, schemaMessage, type Language } from '../config/index.js';
import { alertRuleSchema, type AlertCondition } from './alert-rule-schema.js';
import { destinationType, DESTINATION_TYPES, type AnyDestinationType } from './destinations/registry.js';
import { AlertConfigError } from './errors.js';
import { SEVERITIES, type Severity } from './finding.js';
import type { Schedule } from './schedule.js';

/** An alert rule ready to run. */
export interface AlertRule {
  name: string;
  enabled: boolean;
  source: { kind: 'detection'; rule: string } | { kind: 'query'; kql: string };
  schedule: Schedule;
  condition: AlertCondition;
  severity: Severity | undefined;
  minSeverity: Severity;
  suppressMs: number;
  lookbackMs: number | undefined;
  key: string[];
  destinations: string[];
}

/** A destination ready to send to. */
export interface ConfiguredDestination {
  name: string;
  type: AnyDestinationType;
  enabled: boolean;
  /** Alerts below this severity are not sent here. */
  minSeverity: Severity;
  /** Delivery attempts (1 = no retry). */
  attempts: number;
  /** The language of its messages; absent: organization.language. */
  language?: Language;
  /** The type's own configuration, parsed by its schema. */
  config: unknown;
}

/** The whole `alerts:` section, parsed. */
export interface AlertsConfig {
  rules: AlertRule[];
  destinations: Map<string, ConfiguredDestination>;
}

const destinationBase = z
  .object({
    name: z.string().min(1).max(200),
    type: z.string().min(1),
    enabled: z.boolean().default(true),
    minSeverity: z.enum(SEVERITIES, { error: schemaMessage('one-of', { values: SEVERITIES.join(', ') }) }).default('low'),
    attempts: z.number().int().min(1).max(10).default(3),
    language: z.enum(LANGUAGES, { error: schemaMessage('one-of', { values: LANGUAGES.join(', ') }) }).optional(),
  })
  .passthrough();

const section = z
  .object({
    rules: z.array(z.unknown()).default([]),
    destinations: z.array(z.unknown()).default([]),
  })
  .strict();

function where(path: readonly PropertyKey[], prefix: string): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out || '(the entry)';
}

/** `prefix.key`, or `key` alone when there is no prefix. */
const key = (prefix: string, k: string) => (prefix === '' ? k : `${prefix}.${k}`);

/** The first issue of a failed parse, naming its key (with a reason the web app words in the viewer's language). */
function fail(prefix: string, error: z.ZodError): never {
  const issue = error.issues[0]!;
  const at = where(issue.path, prefix);
  throw new AlertConfigError(`${at}: ${issue.message}`, issueReason(issue, at));
}

function nameOf(raw: unknown): string {
  const n = (raw as { name?: unknown } | null)?.name;
  return typeof n === 'string' ? ` ("${n}")` : '';
}

/** Parse one destination entry; `at` names it in messages (e.g. `alerts.destinations[0] ("soc")`, or '' for a bare key path). */
export function parseDestinationEntry(raw: unknown, at: string): ConfiguredDestination {
  const base = destinationBase.safeParse(raw);
  if (!base.success) fail(at, base.error);
  const { name, type, enabled, minSeverity, attempts, language, ...rest } = base.data;
  const kind = destinationType(type);
  if (!kind) {
    const known = DESTINATION_TYPES.map((t) => t.type).join(', ');
    throw new AlertConfigError(`${key(at, 'type')}: unknown destination type '${type}' (known: ${known})`, {
      reason: 'alert-destination-type',
      params: { key: key(at, 'type'), type, known },
    });
  }
  const own = kind.configSchema.safeParse(rest);
  if (!own.success) fail(at, own.error);
  return { name, type: kind, enabled, minSeverity, attempts, ...(language ? { language } : {}), config: own.data };
}

/** Parse one rule entry whose destinations must be names `known` accepts; `at` as for parseDestinationEntry. */
export function parseRuleEntry(raw: unknown, at: string, known: (destination: string) => boolean): AlertRule {
  const parsed = alertRuleSchema.safeParse(raw);
  if (!parsed.success) fail(at, parsed.error);
  const v = parsed.data;
  v.destinations.forEach((d, j) => {
    if (!known(d))
      throw new AlertConfigError(`${key(at, `destinations[${j}]`)}: no destination is named '${d}'`, {
        reason: 'alert-unknown-destination',
        params: { key: key(at, `destinations[${j}]`), name: d },
      });
  });
  return {
    name: v.name,
    enabled: v.enabled,
    source: v.detection !== undefined ? { kind: 'detection', rule: v.detection } : { kind: 'query', kql: v.query! },
    schedule: v.schedule,
    condition: v.condition ?? { kind: 'rows', op: '>', value: 0 },
    severity: v.severity,
    minSeverity: v.minSeverity,
    suppressMs: v.suppress,
    lookbackMs: v.lookback,
    key: v.key ?? [],
    destinations: v.destinations,
  };
}

/** Parse the `alerts:` section; throws AlertConfigError naming the key at fault (never a secret's value). */
export function parseAlertsConfig(raw: unknown): AlertsConfig {
  const top = section.safeParse(raw ?? {});
  if (!top.success) fail('alerts', top.error);
  const destinations = new Map<string, ConfiguredDestination>();
  top.data.destinations.forEach((d, i) => {
    const at = `alerts.destinations[${i}]${nameOf(d)}`;
    const dest = parseDestinationEntry(d, at);
    if (destinations.has(dest.name))
      throw new AlertConfigError(`${at}.name: another destination is already named '${dest.name}'`, {
        reason: 'alert-destination-duplicate',
        params: { key: `${at}.name`, name: dest.name },
      });
    destinations.set(dest.name, dest);
  });
  const names = new Set<string>();
  const rules = top.data.rules.map((r, i): AlertRule => {
    const at = `alerts.rules[${i}]${nameOf(r)}`;
    const rule = parseRuleEntry(r, at, (d) => destinations.has(d));
    if (names.has(rule.name))
      throw new AlertConfigError(`${at}.name: another rule is already named '${rule.name}'`, {
        reason: 'alert-rule-duplicate',
        params: { key: `${at}.name`, name: rule.name },
      });
    names.add(rule.name);
    return rule;
  });
  return { rules, destinations };
}

/** Where links in alerts point: `server.publicUrl`, else the address the server listens on. */
export function linkBase(server: { publicUrl?: string | undefined; host?: string; port?: number } | undefined): string {
  if (server?.publicUrl) return server.publicUrl.replace(/\/+$/, '');
  const host = !server?.host || server.host === '0.0.0.0' || server.host === '::' ? 'localhost' : server.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${server?.port ?? 8080}`;
}
