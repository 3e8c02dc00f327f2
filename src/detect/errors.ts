/** Errors of the detections module, each with a stable code. */

/** Base class: a stable `code` for callers and the API edge. */
export class DetectError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A `detections:` setting in the configuration is wrong (the message names the key). */
export class DetectConfigError extends DetectError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('DETECT_CONFIG', message, options);
  }
}

/** A finding id that is not in the Findings table. */
export class FindingNotFoundError extends DetectError {
  constructor(id: string) {
    super('FINDING_NOT_FOUND', `no finding with id ${id}`);
  }
}

/** A finding state other than open, acknowledged, closed. */
export class FindingStateError extends DetectError {
  constructor(state: string) {
    super('FINDING_STATE', `unknown finding state '${state}' (use open, acknowledged or closed)`);
  }
}

/** One or more rules failed; the findings of the others were still stored. */
export class DetectionRunError extends DetectError {
  constructor(readonly failures: { rule: string; error: unknown }[]) {
    super(
      'DETECTION_FAILED',
      `detection failed: ${failures.map((f) => `${f.rule}: ${String((f.error as Error)?.message ?? f.error)}`).join('; ')}`,
      { cause: failures[0]?.error },
    );
  }
}

/** A watchlist file that cannot be read (the message says which row or column). */
export class WatchlistImportError extends DetectError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('WATCHLIST_IMPORT', message, options);
  }
}

/** A time that is neither ISO 8601 nor ms since the epoch. */
export class DetectTimeError extends DetectError {
  constructor(text: string) {
    super('DETECT_TIME', `not a time: '${text}' (use ISO 8601, e.g. 2026-03-01T00:00:00Z)`);
  }
}

/** A note that is empty or too long, or an assignee name that is not a plain user name. */
export class FindingTriageError extends DetectError {
  /** A reason code and the values its text names, for clients that word it themselves. */
  readonly why: { readonly reason: string; readonly params?: Readonly<Record<string, string | number>> };
  constructor(message: string, why: FindingTriageError['why']) {
    super('FINDING_TRIAGE', message);
    this.why = why;
  }
}
