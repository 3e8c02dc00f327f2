/** Errors raised by the stores, with stable codes; those a user meets carry a `reason` of the formats' table for their language. */
import type { RejectReason } from '../formats/index.js';

/** A store URL that can't be understood or an engine that isn't available. */
export class StoreConfigError extends Error {
  readonly code = 'STORE_CONFIG';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreConfigError';
  }
}

/** A statement the engine refused (bad SQL, constraint, I/O); `cause` holds the engine's error. */
export class StoreQueryError extends Error {
  readonly code = 'STORE_QUERY';
  /** Why, when the message is the English text of a reason (a store that cannot be opened). */
  readonly reason: RejectReason | undefined;
  constructor(message: string, options?: { cause?: unknown; reason?: RejectReason }) {
    super(message, options);
    this.reason = options?.reason;
    this.name = 'StoreQueryError';
  }
}

/** The store is locked by another process (DuckDB allows one writer process per file). */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  /** Why, as a reason each reader words in its language; the message is its English text. */
  readonly reason: RejectReason;
  constructor(reason: RejectReason, options?: { cause?: unknown }) {
    super(reason.text, options);
    this.reason = reason;
    this.name = 'StoreLockedError';
  }
}

/** The store file is damaged or is not a store at all; `cause` holds the engine's error. */
export class StoreDamagedError extends Error {
  readonly code = 'STORE_DAMAGED';
  /** Why, as a reason each reader words in its language; the message is its English text. */
  readonly reason: RejectReason;
  constructor(reason: RejectReason, options?: { cause?: unknown }) {
    super(reason.text, options);
    this.reason = reason;
    this.name = 'StoreDamagedError';
  }
}

/** Whether an engine's error says the store's file is damaged or not a store (DuckDB's wording). */
export function isDamagedStoreError(text: string): boolean {
  return /Corrupt database file|not a valid DuckDB database file|checksum .* does not match/i.test(text);
}
