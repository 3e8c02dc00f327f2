/** State shared while compiling one query: dialect, parameters, aliases, let bindings, error positions. */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode, PipelineNode } from '../ast/index.js';
import type { Dialect } from '../dialect/dialect.js';
import { KqlError } from '../kql-error.js';
import type { KqlErrorCode } from '../kql-error.js';
import { positionOf } from '../syntax/position.js';
import type { SqlExpr } from './sql-expr.js';
import type { Column } from './select-state.js';

/** What a let name (or `as` name) stands for. */
export type Binding =
  | { kind: 'scalar'; expr: ExprNode; compiled?: SqlExpr }
  | { kind: 'tabular'; pipeline: PipelineNode; compiled?: { sql: string; columns: readonly Column[] } }
  | { kind: 'rows'; compiled: { sql: string; columns: readonly Column[] } };

/** Options of one compilation. */
export interface ContextOptions {
  readonly now: number;
  readonly timeRange: { readonly from?: number; readonly to?: number } | undefined;
}

/** Compilation state; one per compileKql call. */
export class CompileContext {
  readonly params: unknown[] = [];
  readonly bindings = new Map<string, Binding>();
  /** The visualisation hint of `render`, if any. */
  render: { kind: string; props: Record<string, unknown> } | undefined;
  private readonly paramIndex = new Map<string, number>();
  private aliases = 0;

  constructor(readonly dialect: Dialect, readonly text: string, readonly options: ContextOptions) {}

  /** Placeholder SQL for a bound value; equal values of one type share one parameter. */
  param(value: unknown, type: ColumnType): string {
    const bound = type === 'datetime' && typeof value === 'number' ? isoForSql(value) : value;
    const key = `${type}:${typeof bound}:${JSON.stringify(bound)}`;
    let index = this.paramIndex.get(key);
    if (index === undefined) {
      this.params.push(bound);
      index = this.params.length;
      this.paramIndex.set(key, index);
    }
    return this.dialect.placeholder(index, type);
  }

  /** A fresh table alias (_t1, _t2, ...). */
  alias(prefix = 't'): string {
    return `_${prefix}${++this.aliases}`;
  }

  /** Quoted identifier. */
  q(name: string): string {
    return this.dialect.quoteIdentifier(name);
  }

  /** A KqlError at offset `pos` of the query text. */
  error(code: KqlErrorCode, message: string, pos: number): KqlError {
    const p = positionOf(this.text, pos);
    return new KqlError(code, message, p.line, p.column);
  }
}

/** `2026-11-01 10:00:00.000`: a UTC timestamp both engines parse without a zone suffix. */
function isoForSql(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
