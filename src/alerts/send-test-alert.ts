/** `mailsift alerts test NAME`: one sample alert to one destination, with the usual retries and history. */
import { resolveRuntime, type AlertingOptions } from './alerting-options.js';
import { deliver, type DeliveryOutcome } from './delivery.js';
import { UnknownAlertNameError } from './errors.js';
import { sampleAlert } from './sample-alert.js';

/** Send the sample alert to the destination `name` (even when it is disabled or its minSeverity is higher). */
export async function sendTestAlert(options: AlertingOptions, name: string): Promise<DeliveryOutcome> {
  const rt = resolveRuntime(options);
  const dest = rt.alerts.destinations.get(name);
  if (!dest)
    throw new UnknownAlertNameError(
      `no destination is named '${name}' (configured: ${[...rt.alerts.destinations.keys()].join(', ') || 'none'})`,
    );
  return deliver(sampleAlert(rt.now(), rt.linkBase, rt.timeZone, rt.language), dest, rt.delivery());
}
