/** Findings and severities as detection defines them (DESIGN.md "Findings"), and the severity order alerts filter by. */
import { RULE_IDS, SEVERITIES, type Severity } from '../detect/index.js';

export { SEVERITIES };
export type { Finding, Severity } from '../detect/index.js';

/** Detection rule ids an alert rule may name (besides '*'). */
export const DETECTION_RULE_IDS = RULE_IDS;

/** Whether `severity` is at least `min`. */
export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}
