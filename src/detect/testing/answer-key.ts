/** Matching findings against the demo tenant's answer key and benign traps. */
import type { BenignTrap, PlantedIncident } from '../../demo/index.js';
import type { Finding } from '../finding.js';

/** Whether a finding reports a planted incident: same rule, its entities, overlapping time. */
export function reports(f: Finding, inc: PlantedIncident): boolean {
  if (f.rule !== inc.rule) return false;
  if (Date.parse(f.from) > inc.to || Date.parse(f.to) < inc.from) return false;
  return Object.entries(inc.entities).every(([k, v]) =>
    k === 'subject' ? f.entities.subject.startsWith(String(v)) : f.entities[k as keyof Finding['entities']] === v,
  );
}

/** Whether a finding is about a benign trap (one of its quiet rules, overlapping time, and its entities when it names some). */
export function touches(f: Finding, trap: BenignTrap): boolean {
  if (!trap.quietRules.includes(f.rule as never)) return false;
  if (Date.parse(f.from) > trap.to || Date.parse(f.to) < trap.from) return false;
  return Object.entries(trap.entities).every(([k, v]) => {
    const mine = f.entities[k as keyof Finding['entities']];
    // A finding with no value in that slot may still be about the trap (e.g. a campaign to many recipients).
    return mine === '' || mine === v;
  });
}
