/** One detection run: every enabled rule over a time window, findings with stable ids, stored. */
import { createHash } from 'node:crypto';
import { organizationLanguage, organizationTimeZone, type Config } from '../config/index.js';
import { runKql, type Store } from '../store/index.js';
import { parseDetectSettings, parseOrThrow } from './detect-settings.js';
import { DetectionRunError } from './errors.js';
import { fullEntities, severityRank, type Finding, type FindingDraft, type RuleId } from './finding.js';
import { saveFindings, toMs } from './findings-store.js';
import type { DetectionRule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { kqlDatetime } from './kql-text.js';
import { DAY_MS, LocalClock, toEpochMs } from './time-zone.js';

/** Options of runDetections. Times: ms since the epoch, ISO text or Date. */
export interface RunDetectionsOptions {
  store: Store;
  config: Pick<Config, 'organization' | 'detections'>;
  /** Start of the window (default: `to` minus detections.lookbackDays). */
  from?: number | string | Date;
  /** End of the window (default: the newest row in the store, at most `now`). */
  to?: number | string | Date;
  /** The present (default: the clock). */
  now?: number | string | Date;
  /** Run only these rules (default: every rule not disabled in the configuration). */
  rules?: readonly RuleId[];
  /** Store the findings in the Findings table (default true). */
  persist?: boolean;
}

/** Run the detections over a window, store the findings (one per incident across runs) and return them. */
export async function runDetections(options: RunDetectionsOptions): Promise<Finding[]> {
  const { store, config } = options;
  const detections = (config.detections ?? {}) as Record<string, unknown>;
  const language = organizationLanguage(config);
  const settings = parseDetectSettings(detections, language);
  const rules = RULES.filter((r) => (options.rules ? options.rules.includes(r.id) : !settings.disabled.includes(r.id)));
  const params = new Map(rules.map((r) => [r.id, parseOrThrow(r.params, detections[r.id], `detections.${r.id}`, language)]));
  const now = options.now === undefined ? Date.now() : toMs(options.now);
  const to = options.to === undefined ? await newestRow(store, now) : toMs(options.to);
  if (to === undefined) return [];
  const from = options.from === undefined ? to - settings.lookbackDays * DAY_MS : toMs(options.from);
  const sharedValues = new Map<string, Promise<unknown>>();
  const ctx: RuleContext = {
    store,
    organization: config.organization,
    settings,
    from,
    to,
    now,
    historyFrom: from - settings.baselineDays * DAY_MS,
    clock: new LocalClock(settings.timeZone ?? organizationTimeZone(config)),
    kql: async (text) => (await runKql(store, text, { now })).rows,
    shared: <T>(key: string, compute: () => Promise<T>) => {
      let v = sharedValues.get(key);
      if (!v) {
        v = compute();
        sharedValues.set(key, v);
      }
      return v as Promise<T>;
    },
  };
  const drafts: FindingDraft[] = [];
  const failures: { rule: string; error: unknown }[] = [];
  for (const rule of rules) {
    try {
      drafts.push(...(await (rule as DetectionRule).run(ctx, params.get(rule.id))));
    } catch (error) {
      failures.push({ rule: rule.id, error });
    }
  }
  const findings = toFindings(drafts);
  if (options.persist !== false) await saveFindings(store, findings, now);
  if (failures.length > 0) throw new DetectionRunError(failures);
  return findings;
}

/** Stable id of an incident: rule + key entities + time bucket, hashed. */
export function findingId(rule: RuleId, key: readonly string[]): string {
  const h = createHash('sha256')
    .update([rule, ...key].join('\u0000'))
    .digest('hex');
  return `${rule}-${h.slice(0, 16)}`;
}

/** Drafts to findings: ids added, repeats of one id merged, sorted by time then severity. */
function toFindings(drafts: readonly FindingDraft[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const d of drafts) {
    const f: Finding = {
      id: findingId(d.rule, d.key),
      rule: d.rule,
      severity: d.severity,
      title: d.title,
      from: new Date(d.from).toISOString(),
      to: new Date(d.to).toISOString(),
      count: d.count,
      entities: fullEntities(d.entities),
      query: d.query,
      // Screens, alerts and the CLI in Japanese read the title from here (details is the free-form part of a finding).
      details: { ...d.details, titles: { ja: d.titleJa } },
    };
    const seen = byId.get(f.id);
    if (!seen || f.count > seen.count) byId.set(f.id, f);
  }
  return [...byId.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id),
  );
}

/** The newest Received in the store, capped at `now`; undefined when the store is empty. */
async function newestRow(store: Store, now: number): Promise<number | undefined> {
  const r = await runKql(store, `MessageTrace | where Received <= ${kqlDatetime(now)} | summarize max(Received)`, { now });
  const v = r.rows[0]?.[0];
  return v == null ? undefined : toEpochMs(v);
}
