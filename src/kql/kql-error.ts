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
  | 'too-complex'
  /** The query's output columns depend on values in the data (evaluate pivot, bag_unpack): see compileKqlWithValues. */
  | 'needs-values';

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

/** What a query needs to read before it can be compiled: a SELECT whose rows are [value, type]. */
export interface ValuesQuery {
  /** Where in the query text the operator that needs them is (the key of CompileOptions.values). */
  readonly at: number;
  readonly sql: string;
  readonly params: unknown[];
}

/** The output columns of an operator depend on values in the data; the caller runs `query` and compiles again. */
export class KqlNeedsValues extends KqlError {
  constructor(
    detailText: string,
    line: number,
    column: number,
    readonly query: ValuesQuery,
  ) {
    super('needs-values', detailText, line, column);
  }
}
