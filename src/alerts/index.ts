/** Alerting: rules on detections or KQL, a scheduler, and a registry of destinations (webhook, Slack, Teams, SMTP, syslog). */
export { startAlerting } from './start-alerting.js';
export type { AlertingHandle } from './start-alerting.js';
export { runAlertsOnce } from './run-alerts-once.js';
export { sendTestAlert } from './send-test-alert.js';
export { defaultSleep } from './alerting-options.js';
export type { AlertingOptions, AlertLogger } from './alerting-options.js';
export type { AlertRunReport, RuleReport, AlertReport, DeliveryReport } from './run-rules.js';
export type { DeliveryOutcome } from './delivery.js';
export { recentDeliveries } from './delivery-log.js';
export type { DeliveryAttempt } from './delivery-log.js';
export { parseAlertsConfig, linkBase } from './alert-config.js';
export type { AlertsConfig, AlertRule, ConfiguredDestination } from './alert-config.js';
export { storeSources } from './alert-sources.js';
export type { AlertSources } from './alert-sources.js';
export type { Alert, Evidence } from './alert.js';
export { DESTINATION_TYPES } from './destinations/registry.js';
export type { DestinationType, SendContext, SendResult } from './destinations/destination.js';
export { AlertConfigError, AlertRuleError, DeliveryError, UnknownAlertNameError } from './errors.js';
