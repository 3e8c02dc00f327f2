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
  | 'invalid-name';

/** A KQL mistake: `message` is one line and starts with the position. */
export class KqlError extends Error {
  override readonly name = 'KqlError';
  readonly code: KqlErrorCode;
  readonly line: number;
  readonly column: number;
  /** The message without the position prefix. */
  readonly detail: string;

  constructor(code: KqlErrorCode, detail: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${detail}`);
    this.code = code;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}
