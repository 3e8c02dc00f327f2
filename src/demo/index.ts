/** The demo tenant: a realistic month of message trace with planted incidents and their answer key. */
export { generateTenant, DEFAULT_ORGANIZATION } from './tenant.js';
export { powerShellLine, writePowerShellNdjson } from './powershell-ndjson.js';
export type { PowerShellNdjsonOptions, PowerShellNdjsonResult } from './powershell-ndjson.js';
export { DemoOptionsError } from './errors.js';
export { allRanges } from './ip-ranges.js';
export type { IpRange } from './ip-ranges.js';
export type {
  BenignTrap,
  DemoBatch,
  DemoOptions,
  DemoOrganization,
  DemoTenant,
  IncidentEntities,
  PlantedIncident,
  RuleId,
} from './types.js';
