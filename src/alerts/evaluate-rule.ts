/** Evaluating one alert rule at a time `now`: which alerts it raises (detection findings, or query rows meeting the condition). */
import { randomUUID } from 'node:crypto';
import type { Language } from '../config/index.js';
import { findingTitle } from '../detect/index.js';
import type { QueryResult } from '../store/index.js';
import { alertText } from './alert-text.js';
import { MAX_EVIDENCE_ROWS, severityLabel, wordings, type Alert, type Evidence } from './alert.js';
import type { AlertRule } from './alert-config.js';
import type { Comparison } from './alert-rule-schema.js';
import type { AlertSources } from './alert-sources.js';
import { AlertRuleError } from './errors.js';
import type { Finding, Severity } from './finding.js';
import { schedulePeriod } from './schedule.js';

/** Alerts one evaluation produced, before suppression. */
export interface Candidate {
  key: string;
  build: () => Promise<Alert>;
}

export interface EvaluateContext {
  sources: AlertSources;
  now: number;
  /** Base of links into the web UI, without a trailing slash. */
  linkBase: string;
  /** organization.timeZone: the zone alert texts show times in. */
  timeZone?: string;
  /** organization.language: the language of the alert texts. */
  language?: Language;
}

/** The candidates of `rule` at `ctx.now` (keys first; evidence is fetched only for alerts that will be sent). */
export async function evaluateRule(rule: AlertRule, ctx: EvaluateContext): Promise<Candidate[]> {
  return rule.source.kind === 'detection' ? detectionCandidates(rule, rule.source.rule, ctx) : queryCandidates(rule, rule.source.kql, ctx);
}

async function detectionCandidates(rule: AlertRule, detection: string, ctx: EvaluateContext): Promise<Candidate[]> {
  const lookback = rule.lookbackMs ?? Math.max(3_600_000, schedulePeriod(rule.schedule, ctx.now));
  const findings = await ctx.sources.findings({ rule: detection, from: ctx.now - lookback, to: ctx.now, minSeverity: rule.minSeverity });
  return findings.map((f) => ({ key: f.id, build: () => findingAlert(rule, f, ctx) }));
}

async function findingAlert(rule: AlertRule, f: Finding, ctx: EvaluateContext): Promise<Alert> {
  const severity = rule.severity ?? f.severity;
  const evidence = await findingEvidence(f, ctx);
  const texts = wordings((l) => ({
    title: alertText(l).headline(severityLabel(severity, l), rule.name),
    sentence: findingTitle(f, l),
    ...(evidence.failure !== undefined ? { note: alertText(l).evidenceFailed(evidence.failure) } : {}),
  }));
  const own = texts[ctx.language ?? 'en']!;
  return {
    id: randomUUID(),
    rule: rule.name,
    severity,
    title: own.title,
    sentence: own.sentence,
    texts,
    link: `${ctx.linkBase}/findings/${encodeURIComponent(f.id)}`,
    firedAt: new Date(ctx.now).toISOString(),
    timeZone: ctx.timeZone,
    ...(ctx.language ? { language: ctx.language } : {}),
    finding: f,
    query: f.query,
    key: f.id,
    evidence: evidence.evidence,
  };
}

/** The top evidence rows of a finding (its query, first rows); a failing query leaves a note instead (and `failure`, its reason). */
async function findingEvidence(f: Finding, ctx: EvaluateContext): Promise<{ evidence: Evidence; failure?: string }> {
  if (!f.query.trim()) return { evidence: { columns: [], rows: [] } };
  try {
    const r = await ctx.sources.query(`${f.query}\n| take ${MAX_EVIDENCE_ROWS}`, { now: ctx.now });
    return { evidence: { columns: r.columns, rows: r.rows.slice(0, MAX_EVIDENCE_ROWS) } };
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { evidence: { columns: [], rows: [], note: alertText(ctx.language).evidenceFailed(failure) }, failure };
  }
}

async function queryCandidates(rule: AlertRule, kql: string, ctx: EvaluateContext): Promise<Candidate[]> {
  const lookback = rule.lookbackMs ?? schedulePeriod(rule.schedule, ctx.now);
  const result = await ctx.sources.query(kql, { now: ctx.now, timeRange: { from: ctx.now - lookback, to: ctx.now } });
  const keyIdx = rule.key.map((name) => columnIndex(result, name, 'key'));
  const groups = new Map<string, unknown[][]>();
  for (const row of result.rows) {
    const k = keyIdx.map((i) => String(row[i] ?? '')).join('\u001f');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  if (groups.size === 0 && rule.key.length === 0) groups.set('', []);
  const c = rule.condition;
  const severity: Severity = rule.severity ?? 'medium';
  const out: Candidate[] = [];
  for (const [key, rows] of groups) {
    let matching: unknown[][];
    if (c.kind === 'rows') {
      if (!compare(rows.length, c.op, c.value)) continue;
      matching = rows;
    } else {
      const col = columnIndex(result, c.column, 'condition.column');
      matching = rows.filter((r) => compare(r[col], c.op, c.value));
      if (matching.length === 0) continue;
    }
    const pairs = rule.key.map((n, i) => `${n}=${String(rows[0]![keyIdx[i]!] ?? '')}`).join(', ');
    const texts = wordings((l) => {
      const t = alertText(l);
      const what = c.kind === 'rows' ? t.rowsReturned(rows.length, c.op, c.value) : t.rowsWith(matching.length, c.column, c.op, c.value);
      return {
        title: t.headline(severityLabel(severity, l), rule.name),
        sentence: `${rule.name}${rule.key.length ? t.forKey(pairs) : ''}: ${what}`,
      };
    });
    const own = texts[ctx.language ?? 'en']!;
    out.push({
      key,
      build: async () => ({
        id: randomUUID(),
        rule: rule.name,
        severity,
        title: own.title,
        sentence: own.sentence,
        texts,
        link: `${ctx.linkBase}/explorer?q=${encodeURIComponent(kql)}`,
        firedAt: new Date(ctx.now).toISOString(),
        timeZone: ctx.timeZone,
        ...(ctx.language ? { language: ctx.language } : {}),
        finding: null,
        query: kql,
        key,
        evidence: { columns: result.columns, rows: matching.slice(0, MAX_EVIDENCE_ROWS) },
      }),
    });
  }
  return out;
}

function columnIndex(result: QueryResult, name: string, what: string): number {
  const i = result.columns.findIndex((col) => col.name === name);
  if (i < 0) {
    const columns = result.columns.map((col) => col.name).join(', ') || 'none';
    throw new AlertRuleError(`${what} '${name}' is not a column of the query's result (columns: ${columns})`, {
      why: { reason: 'alert-rule-column', params: { key: what, name, columns } },
    });
  }
  return i;
}

/** `a op b`, numerically when `b` is a number, as text otherwise. */
export function compare(a: unknown, op: Comparison, b: number | string): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof b === 'number') {
    x = typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' ? Number(a) : NaN;
    y = b;
    if (Number.isNaN(x)) return false;
  } else {
    x = a === null || a === undefined ? '' : String(a);
    y = b;
  }
  switch (op) {
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '==':
      return x === y;
    case '!=':
      return x !== y;
  }
}
