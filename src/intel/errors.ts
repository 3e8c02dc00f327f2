/**
 * Errors of the threat-intelligence module, each with a stable `code`; a feed's error may carry its `failure`
 * (code and parameters of feed-failure.ts) so that readers write it in their language.
 */
import { feedFailureText, type FeedFailureJson } from './feed-failure.js';

type FeedErrorOptions = { cause?: unknown; failure?: FeedFailureJson };

/** What a feed error is made from: its English message, or its failure (the message is then the failure's English text). */
type FeedErrorSource = string | FeedFailureJson;

const messageOf = (source: FeedErrorSource): string => (typeof source === 'string' ? source : feedFailureText(source, 'en'));
const failureOf = (source: FeedErrorSource, options?: FeedErrorOptions): FeedFailureJson | undefined =>
  options?.failure ?? (typeof source === 'string' ? undefined : source);

/** A feed's configuration is incomplete or contradictory. */
export class FeedConfigError extends Error {
  readonly code = 'INTEL_FEED_CONFIG';
  readonly failure: FeedFailureJson | undefined;
  constructor(source: FeedErrorSource, options?: FeedErrorOptions) {
    super(messageOf(source), { cause: options?.cause });
    this.name = 'FeedConfigError';
    this.failure = failureOf(source, options);
  }
}

/** A feed could not be fetched or read (network, HTTP status, missing file). */
export class FeedFetchError extends Error {
  readonly code = 'INTEL_FEED_FETCH';
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  readonly failure: FeedFailureJson | undefined;
  constructor(source: FeedErrorSource, options?: FeedErrorOptions & { status?: number }) {
    super(messageOf(source), { cause: options?.cause });
    this.name = 'FeedFetchError';
    this.failure = failureOf(source, options);
    this.status = options?.status;
  }
}

/** The feed's server refused the credentials (401/403). */
export class FeedAuthError extends Error {
  readonly code = 'INTEL_FEED_AUTH';
  readonly failure: FeedFailureJson | undefined;
  constructor(source: FeedErrorSource, options?: FeedErrorOptions) {
    super(messageOf(source), { cause: options?.cause });
    this.name = 'FeedAuthError';
    this.failure = failureOf(source, options);
  }
}

/** The feed's server kept answering 429 after the retries allowed. */
export class FeedRateLimitError extends Error {
  readonly code = 'INTEL_FEED_RATE_LIMIT';
  readonly failure: FeedFailureJson | undefined;
  constructor(source: FeedErrorSource, options?: FeedErrorOptions) {
    super(messageOf(source), { cause: options?.cause });
    this.name = 'FeedRateLimitError';
    this.failure = failureOf(source, options);
  }
}

/** The feed's content is not what its type promises (not JSON, not a STIX bundle, no manifest, ...). */
export class FeedFormatError extends Error {
  readonly code = 'INTEL_FEED_FORMAT';
  readonly failure: FeedFailureJson | undefined;
  constructor(source: FeedErrorSource, options?: FeedErrorOptions) {
    super(messageOf(source), { cause: options?.cause });
    this.name = 'FeedFormatError';
    this.failure = failureOf(source, options);
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
