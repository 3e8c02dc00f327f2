/** The reason of an alert rule that could not be evaluated, for the API: its KQL error's own reason where the query was at fault. */
import type { AlertRuleError } from '../alerts/index.js';
import { KqlError } from '../kql/index.js';
import type { ErrorReason } from './errors.js';

/**
 * `alert-query-kql` carries the KQL error's reason as `kqlReason`, its position and its params (the web app words it
 * with the KQL texts); other rule errors keep their own reason.
 */
export function alertRuleReason(error: AlertRuleError): ErrorReason | undefined {
  const kql = error.cause;
  if (kql instanceof KqlError)
    return { reason: 'alert-query-kql', params: { ...kql.params, kqlReason: kql.reason, line: kql.line, column: kql.column } };
  return error.why;
}
