/** Configuration: mailsift.yaml, environment and flags. */
export { loadConfig, ConfigError, DEFAULT_STORE } from './load-config.js';
export type { LoadConfigOptions } from './load-config.js';
export { firstIssue, parseInLanguage } from './config-messages.js';
export { issueReason, ISSUE_REASONS, type IssueReason, type IssueReasonCode } from './zod-reason.js';
export { schemaIssue, schemaMessage, schemaTextIn, schemaTextOf, SchemaTextError } from './schema-text.js';
export type { SchemaTextCode, SchemaTextJson, SchemaTextLanguage } from './schema-text.js';
export { configSchema, organizationSchema, organizationTimeZone, organizationLanguage, LANGUAGES } from './schema.js';
export type { Config, Organization, Language } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
export {
  isValidTimeZone,
  serverTimeZone,
  zoneOffsetMinutes,
  formatOffset,
  formatInstant,
  startOfLocalDay,
  instantOfWallClock,
  zoneName,
  wallClockOf,
} from './time-zone.js';
