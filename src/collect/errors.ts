/** Named errors of the collectors, each with a stable `code` and a one-line message that never holds a secret. */

/** Anything that stops a collector pass or an on-demand lookup. */
export class CollectorError extends Error {
  readonly code: string = 'COLLECTOR';
  /** Whether trying again later may help (throttling, outages) as opposed to a setup mistake. */
  readonly transient: boolean = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CollectorError';
  }
}

/** The `collectors:` section of the configuration is wrong. */
export class CollectorConfigError extends CollectorError {
  override readonly code = 'COLLECTOR_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'CollectorConfigError';
  }
}

/** Signing in failed, or Microsoft refused the token (401). */
export class CollectorAuthError extends CollectorError {
  override readonly code = 'COLLECTOR_AUTH';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CollectorAuthError';
  }
}

/** Microsoft accepted the token but the app lacks a permission (403). */
export class CollectorPermissionError extends CollectorError {
  override readonly code = 'COLLECTOR_PERMISSION';
  constructor(message: string) {
    super(message);
    this.name = 'CollectorPermissionError';
  }
}

/** Microsoft rejected the request itself (400 and other 4xx). */
export class CollectorRequestError extends CollectorError {
  override readonly code = 'COLLECTOR_REQUEST';
  constructor(message: string) {
    super(message);
    this.name = 'CollectorRequestError';
  }
}

/** The answer was not the JSON Microsoft documents (an HTML sign-in page, a proxy's error page). */
export class CollectorResponseError extends CollectorError {
  override readonly code = 'COLLECTOR_RESPONSE';
  constructor(message: string) {
    super(message);
    this.name = 'CollectorResponseError';
  }
}

/** Throttling, outages or dropped connections outlasted every retry. */
export class CollectorUnavailableError extends CollectorError {
  override readonly code = 'COLLECTOR_UNAVAILABLE';
  override readonly transient = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CollectorUnavailableError';
  }
}

/** No configured collector has that name (or it cannot do what was asked). */
export class CollectorNotFoundError extends CollectorError {
  override readonly code = 'COLLECTOR_NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'CollectorNotFoundError';
  }
}

/** Removes every occurrence of the given secrets (client secret, tokens, assertions) from a text. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
