/** Named errors of alerting, each with a stable `code` and a one-line message that never holds a secret. */
import { deliveryFailureText, type DeliveryFailureJson } from './delivery-failure.js';

/** What exactly went wrong, for clients that word it themselves: a reason code and the values its text names, in order. */
export interface AlertErrorReason {
  readonly reason: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Why the file's `alerts:` section is wrong, beside zod's reasons (ISSUE_REASONS): the reasons each reader words. */
export const ALERT_FILE_REASONS = [
  'alert-destination-type',
  'alert-unknown-destination',
  'alert-destination-duplicate',
  'alert-rule-duplicate',
] as const;
export type AlertFileReasonCode = (typeof ALERT_FILE_REASONS)[number];

/** Why `alerts test NAME` or `alerts run --rule NAME` found no such entry: the reasons each reader words. */
export const ALERT_NAME_REASONS = ['no-destination-named', 'no-alert-rule-named'] as const;
export type AlertNameReasonCode = (typeof ALERT_NAME_REASONS)[number];

/** The `alerts:` section of the configuration is wrong; the message names the key. */
export class AlertConfigError extends Error {
  readonly code = 'ALERTS_CONFIG';
  readonly why: AlertErrorReason | undefined;
  constructor(message: string, why?: AlertErrorReason) {
    super(message);
    this.name = 'AlertConfigError';
    this.why = why;
  }
}

/** One delivery attempt failed (its message the English text of `failure`); `retryable` says whether trying again may help. */
export class DeliveryError extends Error {
  readonly code = 'DELIVERY_FAILED';
  /** Why, as a code and parameters each reader words in its language. */
  readonly failure: DeliveryFailureJson;
  /** Whether a later attempt may succeed (5xx, 429, timeouts, refused connections). */
  readonly retryable: boolean;
  /** The receiver's own wish for when to try again (HTTP Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** HTTP status or SMTP reply code, when there was one. */
  readonly status: number | undefined;
  constructor(failure: DeliveryFailureJson, options: { retryable: boolean; retryAfterMs?: number; status?: number; cause?: unknown }) {
    super(deliveryFailureText(failure, 'en'), { cause: options.cause });
    this.name = 'DeliveryError';
    this.failure = failure;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/** An alert rule could not be evaluated (its query failed, a column is missing). */
export class AlertRuleError extends Error {
  readonly code = 'ALERT_RULE';
  readonly why: AlertErrorReason | undefined;
  constructor(message: string, options?: { cause?: unknown; why?: AlertErrorReason }) {
    super(message, options);
    this.name = 'AlertRuleError';
    this.why = options?.why;
  }
}

/** `alerts test NAME` or `alerts run --rule NAME` named something the configuration does not have. */
export class UnknownAlertNameError extends Error {
  readonly code = 'UNKNOWN_ALERT_NAME';
  readonly why: AlertErrorReason | undefined;
  constructor(message: string, why?: AlertErrorReason) {
    super(message);
    this.name = 'UnknownAlertNameError';
    this.why = why;
  }
}

/** A change in the web app that the alert definitions do not allow: a name the file holds, one taken, a destination in use. */
export class AlertDefinitionConflictError extends Error {
  readonly code = 'ALERT_DEFINITION_CONFLICT';
  readonly why: AlertErrorReason | undefined;
  constructor(message: string, why?: AlertErrorReason) {
    super(message);
    this.name = 'AlertDefinitionConflictError';
    this.why = why;
  }
}
