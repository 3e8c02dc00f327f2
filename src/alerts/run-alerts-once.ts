/** `mailsift alerts run --once`: every enabled rule evaluated now, whatever its schedule. */
import type { AlertingOptions } from './alerting-options.js';
import { loadEffectiveAlerts, resolveRuntime } from './alerting-options.js';
import { UnknownAlertNameError } from './errors.js';
import { runRules, type AlertRunReport } from './run-rules.js';

/** Evaluate every enabled rule (or only those named in `rules`) once and deliver what fires. */
export async function runAlertsOnce(options: AlertingOptions & { rules?: readonly string[] }): Promise<AlertRunReport> {
  const rt = resolveRuntime(options, await loadEffectiveAlerts(options));
  let rules = rt.alerts.rules.filter((r) => r.enabled);
  if (options.rules) {
    for (const name of options.rules) {
      if (!rt.alerts.rules.some((r) => r.name === name)) {
        const configured = rt.alerts.rules.map((r) => r.name).join(', ') || 'none';
        throw new UnknownAlertNameError(`no alert rule is named '${name}' (configured: ${configured})`, {
          reason: 'no-alert-rule-named',
          params: { name, configured },
        });
      }
    }
    rules = rt.alerts.rules.filter((r) => options.rules!.includes(r.name));
  }
  return runRules(options.store, rt, rules);
}
