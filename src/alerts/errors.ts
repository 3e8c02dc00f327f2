/** Named errors of alerting, each with a stable `code` and a one-line message that never holds a secret. */

/** The `alerts:` section of the configuration is wrong; the message names the key. */
export class AlertConfigError extends Error {
  readonly code = 'ALERTS_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'AlertConfigError';
  }
}

/** One delivery attempt failed; `retryable` says whether trying again may help. */
export class DeliveryError extends Error {
  readonly code = 'DELIVERY_FAILED';
  /** Whether a later attempt may succeed (5xx, 429, timeouts, refused connections). */
  readonly retryable: boolean;
  /** The receiver's own wish for when to try again (HTTP Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** HTTP status or SMTP reply code, when there was one. */
  readonly status: number | undefined;
  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/** An alert rule could not be evaluated (its query failed, a column is missing). */
export class AlertRuleError extends Error {
  readonly code = 'ALERT_RULE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlertRuleError';
  }
}

/** `alerts test NAME` or `alerts run --rule NAME` named something the configuration does not have. */
export class UnknownAlertNameError extends Error {
  readonly code = 'UNKNOWN_ALERT_NAME';
  constructor(message: string) {
    super(message);
    this.name = 'UnknownAlertNameError';
  }
}

/** A change in the web app that the alert definitions do not allow: a name the file holds, one taken, a destination in use. */
export class AlertDefinitionConflictError extends Error {
  readonly code = 'ALERT_DEFINITION_CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'AlertDefinitionConflictError';
  }
}
