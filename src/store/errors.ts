/** Errors raised by the stores, with stable codes. */

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
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreQueryError';
  }
}

/** The store is locked by another process (DuckDB allows one writer process per file). */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreLockedError';
  }
}
