/** The one error type of the KQL engine: a user mistake with a stable code and a 1-based position. */

/** Stable codes of KqlError. */
export type KqlErrorCode =
  | 'syntax'
  | 'unknown-table'
  | 'unknown-column'
  | 'unknown-function'
  | 'unknown-name'
  | 'type-mismatch'
  | 'unsupported'
  | 'invalid-argument'
  | 'invalid-name'
  | 'too-complex';

const MAX_DETAIL = 300;

/** A KQL mistake: `message` is one line and starts with the position. */
export class KqlError extends Error {
  override readonly name = 'KqlError';
  readonly code: KqlErrorCode;
  readonly line: number;
  readonly column: number;
  /** The message without the position prefix. */
  readonly detail: string;

  constructor(code: KqlErrorCode, detailText: string, line: number, column: number) {
    // Names quoted from the query can be arbitrarily long; a message stays one readable line.
    const detail = detailText.length > MAX_DETAIL ? `${detailText.slice(0, MAX_DETAIL)}…` : detailText;
    super(`line ${line}, column ${column}: ${detail}`);
    this.code = code;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}
