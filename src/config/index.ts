/** Configuration: mailsift.yaml, environment and flags. */
export { loadConfig, ConfigError, DEFAULT_STORE } from './load-config.js';
export type { LoadConfigOptions } from './load-config.js';
export { configSchema, organizationSchema } from './schema.js';
export type { Config, Organization } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
