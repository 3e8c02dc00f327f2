/**
 * A saved search as an alert rule: an entry of `alerts.rules` (the one schema YAML and the alert-rule settings
 * share), validated as the configuration is, with a dry run of what it would raise now. Nothing is saved here:
 * admins save it through the alert-rule API (POST /api/alerts/rules).
 */
import { stringify } from 'yaml';
import { AlertConfigError, evaluateRule, linkBase, loadAlertCatalog, parseRuleEntry, type AlertSources } from '../../alerts/index.js';
import type { SavedSearchRow } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import { BadRequestError } from '../errors.js';

/** What the caller may choose; the rest has defaults. */
export interface AlertRuleAsk {
  schedule?: string;
  /** Condition on the number of rows, e.g. '>0'. */
  rows?: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  destinations?: string[];
}

/** The draft rule, as YAML too, and the alerts a run now would raise. */
export interface AlertRuleDraft {
  rule: Record<string, unknown>;
  yaml: string;
  preview: { alerts: number; sentences: string[] };
}

/** Build and check the alert rule of `search`; a dry run as `user` (through the query service: bounded and fair). */
export async function draftAlertRule(ctx: AppContext, search: SavedSearchRow, ask: AlertRuleAsk, user: string): Promise<AlertRuleDraft> {
  // The destinations that run now: mailsift.yaml's and those made in the app (Settings).
  const known = (await loadAlertCatalog(ctx.store, ctx.config.alerts)).effective.destinations;
  const destinations = ask.destinations ?? [...known.values()].filter((d) => d.enabled).map((d) => d.name);
  if (destinations.length === 0)
    throw new BadRequestError('no alert destination is configured yet: an admin adds one in Settings (or under alerts.destinations)', {
      reason: 'no-destination',
    });
  const rule: Record<string, unknown> = {
    name: search.name,
    query: search.query,
    schedule: ask.schedule ?? '15m',
    condition: { rows: ask.rows ?? '>0' },
    severity: ask.severity ?? 'medium',
    destinations,
  };
  let parsed;
  try {
    parsed = parseRuleEntry(rule, 'alert rule', (d) => known.has(d));
  } catch (error) {
    if (error instanceof AlertConfigError) throw new BadRequestError(error.message, error.why);
    throw error;
  }
  const sources: AlertSources = {
    findings: () => Promise.resolve([]),
    query: async (kql, { timeRange }) => {
      const out = await ctx.queries.run({ query: kql, from: timeRange?.from, to: timeRange?.to, user, rowLimit: 10_000 });
      return { columns: out.columns, rows: out.rows };
    },
  };
  const candidates = await evaluateRule(parsed, { sources, now: Date.now(), linkBase: linkBase(ctx.config.server) });
  const sentences: string[] = [];
  for (const c of candidates.slice(0, 5)) sentences.push((await c.build()).sentence);
  return { rule, yaml: stringify([rule]), preview: { alerts: candidates.length, sentences } };
}
