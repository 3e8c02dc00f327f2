/** "Send a test alert now": a sample alert to one destination (`mailsift alerts test NAME`), or to every destination of one rule. */
import { loadEffectiveAlerts, resolveRuntime, type AlertingOptions } from './alerting-options.js';
import { deliver, type DeliveryOutcome } from './delivery.js';
import { AlertRuleError, UnknownAlertNameError } from './errors.js';
import type { Language } from '../config/index.js';
import { severityLabel, wordings } from './alert.js';
import { alertText } from './alert-text.js';
import { sampleAlert } from './sample-alert.js';

/** Send the sample alert to the destination `name` (even when it is disabled or its minSeverity is higher). */
export async function sendTestAlert(options: AlertingOptions, name: string): Promise<DeliveryOutcome> {
  const rt = resolveRuntime(options, await loadEffectiveAlerts(options));
  const dest = rt.alerts.destinations.get(name);
  if (!dest) {
    const configured = [...rt.alerts.destinations.keys()].join(', ') || 'none';
    throw new UnknownAlertNameError(`no destination is named '${name}' (configured: ${configured})`, {
      reason: 'no-destination-named',
      params: { name, configured },
    });
  }
  return deliver(sampleAlert(rt.now(), rt.linkBase, rt.timeZone, rt.language), dest, rt.delivery());
}

/** Send a sample alert under the rule `name` (with its severity) to each of its destinations, even when the rule is off. */
export async function sendRuleTestAlert(options: AlertingOptions, name: string): Promise<DeliveryOutcome[]> {
  const rt = resolveRuntime(options, await loadEffectiveAlerts(options));
  const rule = rt.alerts.rules.find((r) => r.name === name);
  if (!rule)
    throw new UnknownAlertNameError(`no alert rule with destinations is named '${name}'`, { reason: 'no-rule-named', params: { name } });
  const base = sampleAlert(rt.now(), rt.linkBase, rt.timeZone, rt.language);
  const severity = rule.severity ?? base.severity;
  const title = (l: Language) => `${alertText(l).headline(severityLabel(severity, l), rule.name)} ${alertText(l).testMark}`;
  const alert = {
    ...base,
    rule: rule.name,
    severity,
    title: title(rt.language),
    texts: wordings((l) => ({ ...base.texts![l]!, title: title(l) })),
  };
  if (rule.destinations.length === 0)
    throw new AlertRuleError(`the rule '${name}' has no destination`, { why: { reason: 'alert-rule-no-destination', params: { name } } });
  return Promise.all(rule.destinations.map((d) => deliver(alert, rt.alerts.destinations.get(d)!, rt.delivery())));
}
