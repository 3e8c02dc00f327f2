/** Configuration: mailsift.yaml, environment and flags. */
export { loadConfig, ConfigError, DEFAULT_STORE } from './load-config.js';
export type { LoadConfigOptions } from './load-config.js';
export { configSchema, organizationSchema, organizationTimeZone } from './schema.js';
export type { Config, Organization } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
export {
  isValidTimeZone,
  serverTimeZone,
  zoneOffsetMinutes,
  formatOffset,
  formatInstant,
  startOfLocalDay,
  instantOfWallClock,
  wallClockOf,
} from './time-zone.js';
