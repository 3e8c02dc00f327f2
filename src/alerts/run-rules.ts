/** One pass over some alert rules: evaluate, drop what is suppressed, deliver the rest, and report per rule and destination. */
import type { Alert } from './alert.js';
import type { AlertRule } from './alert-config.js';
import type { AlertingRuntime } from './alerting-options.js';
import { deliver, type DeliveryOutcome } from './delivery.js';
import { deliveryFailure, type DeliveryFailureJson } from './delivery-failure.js';
import { evaluateRule } from './evaluate-rule.js';
import { severityAtLeast, type Severity } from './finding.js';
import { RuleSuppression } from './suppression.js';
import { visible } from './text-safety.js';
import type { Store } from '../store/index.js';

/** What happened to one destination of one alert. */
export type DeliveryReport =
  DeliveryOutcome | { destination: string; type: string; status: 'skipped'; attempts: 0; detail: string; failure: DeliveryFailureJson };

/** One alert that was sent (or tried). */
export interface AlertReport {
  id: string;
  key: string;
  severity: Severity;
  /** The alert's sentence, made visible. */
  sentence: string;
  link: string | null;
  deliveries: DeliveryReport[];
}

/** How one rule went: `fired` (alerts went out), `suppressed` (only repeats), `quiet` (nothing), `error`. */
export interface RuleReport {
  rule: string;
  status: 'fired' | 'suppressed' | 'quiet' | 'error';
  fired: number;
  suppressed: number;
  /** Alerts over the per-run cap, left for the next run. */
  deferred: number;
  error?: string;
  alerts: AlertReport[];
}

/** A whole pass. */
export interface AlertRunReport {
  at: string;
  rules: RuleReport[];
}

/** Run `rules` once at the runtime's current time. */
export async function runRules(
  store: Store,
  rt: AlertingRuntime,
  rules: readonly AlertRule[],
  signal?: AbortSignal,
): Promise<AlertRunReport> {
  const at = rt.now();
  const reports: RuleReport[] = [];
  for (const rule of rules) {
    if (signal?.aborted) break;
    reports.push(await runRule(store, rt, rule, signal));
  }
  return { at: new Date(at).toISOString(), rules: reports };
}

async function runRule(store: Store, rt: AlertingRuntime, rule: AlertRule, signal?: AbortSignal): Promise<RuleReport> {
  const report: RuleReport = { rule: rule.name, status: 'quiet', fired: 0, suppressed: 0, deferred: 0, alerts: [] };
  try {
    const now = rt.now();
    const suppression = await RuleSuppression.load(store, rule.name, rule.suppressMs);
    const candidates = await evaluateRule(rule, {
      sources: rt.sources,
      now,
      linkBase: rt.linkBase,
      timeZone: rt.timeZone,
      language: rt.language,
    });
    const fresh = candidates.filter((c) => !suppression.isSuppressed(c.key, now));
    report.suppressed = candidates.length - fresh.length;
    const batch = fresh.slice(0, rt.maxAlertsPerRun);
    report.deferred = fresh.length - batch.length;
    for (const candidate of batch) {
      if (signal?.aborted) break;
      const alert = await candidate.build();
      const deliveries = await sendToAll(rt, rule, alert, signal);
      report.alerts.push({
        id: alert.id,
        key: alert.key,
        severity: alert.severity,
        sentence: visible(alert.sentence, 300),
        link: alert.link,
        deliveries,
      });
      report.fired++;
      // A repeat is held back only once someone was told: if every destination failed, the next run tries again.
      if (deliveries.some((d) => d.status === 'delivered') || deliveries.every((d) => d.status === 'skipped'))
        await suppression.markFired([alert.key], now);
      logAlert(rt, rule, alert, deliveries);
    }
    report.status = report.fired > 0 ? 'fired' : report.suppressed > 0 ? 'suppressed' : 'quiet';
  } catch (error) {
    report.status = 'error';
    report.error = visible(error instanceof Error ? error.message : String(error), 500);
    rt.log?.warn(`alert rule "${visible(rule.name, 100)}" failed: ${report.error}`);
  }
  return report;
}

async function sendToAll(rt: AlertingRuntime, rule: AlertRule, alert: Alert, signal?: AbortSignal): Promise<DeliveryReport[]> {
  return Promise.all(
    rule.destinations.map(async (name): Promise<DeliveryReport> => {
      const dest = rt.alerts.destinations.get(name)!;
      if (!dest.enabled)
        return {
          destination: name,
          type: dest.type.type,
          status: 'skipped',
          attempts: 0,
          detail: 'disabled',
          failure: deliveryFailure('disabled'),
        };
      if (!severityAtLeast(alert.severity, dest.minSeverity))
        return {
          destination: name,
          type: dest.type.type,
          status: 'skipped',
          attempts: 0,
          detail: `below its minSeverity ${dest.minSeverity}`,
          failure: deliveryFailure('below-min-severity', { min: dest.minSeverity }),
        };
      return deliver(alert, dest, rt.delivery(signal));
    }),
  );
}

function logAlert(rt: AlertingRuntime, rule: AlertRule, alert: Alert, deliveries: DeliveryReport[]): void {
  if (!rt.log) return;
  const name = visible(rule.name, 100);
  rt.log.info(`alert rule "${name}" fired (${alert.severity}): ${visible(alert.sentence, 200)}`);
  for (const d of deliveries) {
    if (d.status === 'failed')
      rt.log.warn(`alert "${name}" to ${d.destination}: failed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.detail}`);
    else rt.log.info(`alert "${name}" to ${d.destination}: ${d.status} (${d.detail})`);
  }
}
