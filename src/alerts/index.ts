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
export { deliveryFailureText, type DeliveryFailureJson } from './delivery-failure.js';
export { parseAlertsConfig, parseRuleEntry, linkBase } from './alert-config.js';
export { evaluateRule } from './evaluate-rule.js';
export type { AlertsConfig, AlertRule, ConfiguredDestination } from './alert-config.js';
export { storeSources } from './alert-sources.js';
export type { AlertSources } from './alert-sources.js';
export type { Alert, Evidence } from './alert.js';
export { DESTINATION_TYPES } from './destinations/registry.js';
export type { DestinationType, SendContext, SendResult } from './destinations/destination.js';
export {
  AlertConfigError,
  AlertRuleError,
  ALERT_FILE_REASONS,
  ALERT_NAME_REASONS,
  DeliveryError,
  UnknownAlertNameError,
} from './errors.js';
export type { AlertFileReasonCode, AlertNameReasonCode } from './errors.js';
export { sendRuleTestAlert } from './send-test-alert.js';
export { loadAlertCatalog } from './alert-catalog.js';
export type { AlertCatalog, CatalogRule, CatalogDestination, DefinitionSource } from './alert-catalog.js';
export { saveAlertRule, saveAlertDestination, deleteAlertEntry } from './manage-alerts.js';
export type { ManageContext, SaveMode } from './manage-alerts.js';
export { BUILT_IN_RULES } from './built-in-rules.js';
export type { BuiltInRule } from './built-in-rules.js';
export { SECRET_MASK } from './secret-mask.js';
export { AlertDefinitionConflictError } from './errors.js';
export { DETECTION_RULE_IDS, SEVERITIES } from './finding.js';
