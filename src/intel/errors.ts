/** Errors of the threat-intelligence module, each with a stable `code`. */

/** A feed's configuration is incomplete or contradictory. */
export class FeedConfigError extends Error {
  readonly code = 'INTEL_FEED_CONFIG';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedConfigError';
  }
}

/** A feed could not be fetched or read (network, HTTP status, missing file). */
export class FeedFetchError extends Error {
  readonly code = 'INTEL_FEED_FETCH';
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, { cause: options?.cause });
    this.name = 'FeedFetchError';
    this.status = options?.status;
  }
}

/** The feed's server refused the credentials (401/403). */
export class FeedAuthError extends Error {
  readonly code = 'INTEL_FEED_AUTH';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedAuthError';
  }
}

/** The feed's server kept answering 429 after the retries allowed. */
export class FeedRateLimitError extends Error {
  readonly code = 'INTEL_FEED_RATE_LIMIT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedRateLimitError';
  }
}

/** The feed's content is not what its type promises (not JSON, not a STIX bundle, no manifest, ...). */
export class FeedFormatError extends Error {
  readonly code = 'INTEL_FEED_FORMAT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedFormatError';
  }
}

/** An argument of a matching call is unusable (e.g. a time that is not one). */
export class IntelInputError extends Error {
  readonly code = 'INTEL_INPUT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IntelInputError';
  }
}
