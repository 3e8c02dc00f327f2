/** The one error type of the KQL engine: a user mistake with a stable code and a 1-based position. */
import { kqlDetail, type KqlParams, type KqlParamValues, type KqlReason } from './messages/kql-error-text.js';

/** Stable codes of KqlError: the kind of mistake (each `reason` belongs to one). */
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

/** A KQL mistake: `message` is one line in English and starts with the position; `reason` and `params` give it in any language. */
export class KqlError extends Error {
  override readonly name = 'KqlError';
  readonly code: KqlErrorCode;
  /** The exact mistake: a key of the message tables (src/kql/messages). */
  readonly reason: KqlReason;
  /** The values its text names (column names, types, limits). */
  readonly params: KqlParamValues;
  readonly line: number;
  readonly column: number;
  /** The message without the position prefix. */
  readonly detail: string;

  constructor(code: KqlErrorCode, reason: KqlReason, params: KqlParamValues, line: number, column: number) {
    const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as KqlParamValues;
    const detail = kqlDetail(reason, defined) ?? reason;
    super(`line ${line}, column ${column}: ${detail}`);
    this.code = code;
    this.reason = reason;
    this.params = defined;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** A KqlError whose parameters are checked against its reason's text. */
export function kqlError<R extends KqlReason>(
  code: KqlErrorCode,
  reason: R,
  params: KqlParams<R>,
  at: { line: number; column: number },
): KqlError {
  return new KqlError(code, reason, params as KqlParamValues, at.line, at.column);
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
    plugin: string,
    line: number,
    column: number,
    readonly query: ValuesQuery,
  ) {
    super('needs-values', 'needs-values', { plugin }, line, column);
  }
}
