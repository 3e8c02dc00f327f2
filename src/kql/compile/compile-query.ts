/** Compiles a parsed query to SQL for a dialect; compileKql and the planner (src/kql/plan) both go through here. */
import { TABLES } from '../../schema/index.js';
import type { QueryNode } from '../ast/index.js';
import { getDialect } from '../dialect/index.js';
import type { DialectName } from '../dialect/index.js';
import { MAX_SQL } from '../limits.js';
import { own } from '../own.js';
import type { ColumnValues, CompiledQuery, TableSources } from '../compile-kql.js';
import { CompileContext } from './context.js';
import { compileExactExpr, compileExpr, tooLarge } from './expression.js';
import { outputSql } from './output-sql.js';
import { compilePipeline } from './pipeline.js';
import type { Column } from './select-state.js';
import { toSql } from './select-state.js';

/** What one compilation needs besides the tree. Times are ms since the epoch. */
export interface QueryOptions {
  readonly dialect: DialectName;
  readonly now?: number;
  readonly timeRange?: { readonly from?: number; readonly to?: number };
  /** Values read from the data for operators whose columns depend on it (evaluate pivot, bag_unpack). */
  readonly values?: ReadonlyMap<number, ColumnValues>;
  /** Names bound to ready SQL (a FROM item) with its columns, as a `let` of rows would be: the planner's summary tables. */
  readonly sources?: Readonly<Record<string, { readonly sql: string; readonly columns: readonly Column[] }>>;
  /** Tables read from other FROM items (CompileOptions.tableSources). */
  readonly tableSources?: TableSources;
  /** Result columns in the engine's own types (CompileOptions.engineTypes). */
  readonly engineTypes?: boolean;
}

/** Compile a parsed query; `text` is the query text its positions point into (for error messages). */
export function compileQuery(query: QueryNode, text: string, options: QueryOptions): CompiledQuery {
  const ctx = new CompileContext(
    getDialect(options.dialect),
    text,
    {
      now: options.now ?? Date.now(),
      timeRange: options.timeRange,
      values: options.values ?? new Map(),
      tableSources: options.tableSources,
    },
    { expr: compileExpr, exactExpr: compileExactExpr, pipeline: compilePipeline },
  );
  for (const [name, compiled] of Object.entries(options.sources ?? {})) ctx.bindings.set(name, { kind: 'rows', compiled });
  for (const letNode of query.lets) {
    const v = letNode.value;
    const names = v.kind === 'Name' && !v.bracketed ? v.name : undefined;
    const tabularName = names !== undefined && (own(TABLES, names) || ['tabular', 'rows'].includes(ctx.bindings.get(names)?.kind ?? ''));
    if (v.kind === 'Function') ctx.bindings.set(letNode.name, { kind: 'function', fn: v });
    else if (v.kind === 'Pipeline') ctx.bindings.set(letNode.name, { kind: 'tabular', pipeline: v });
    else if (tabularName) {
      ctx.bindings.set(letNode.name, {
        kind: 'tabular',
        pipeline: { kind: 'Pipeline', source: { kind: 'TableRef', name: names!, pos: v.pos }, operators: [], pos: v.pos },
      });
    } else ctx.bindings.set(letNode.name, { kind: 'scalar', expr: v });
  }
  const state = compilePipeline(ctx, query.body);
  const select = toSql(ctx, state);
  const { sql, params } = ctx.finish(options.engineTypes ? select : outputSql(ctx, state, select));
  if (sql.length > MAX_SQL) throw tooLarge(ctx, query.body.pos);
  const compiled: CompiledQuery = {
    sql,
    params,
    columns: state.columns.map((c) => ({ name: c.name, type: c.type })),
  };
  return ctx.render ? { ...compiled, render: ctx.render } : compiled;
}
