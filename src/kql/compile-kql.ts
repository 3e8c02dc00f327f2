/** compileKql: KQL text -> SQL for a dialect, with bound parameters, typed output columns and a render hint. */
import type { ColumnType } from '../schema/index.js';
import { TABLES } from '../schema/index.js';
import { CompileContext } from './compile/context.js';
import { compileExpr, tooLarge } from './compile/expression.js';
import { MAX_SQL } from './limits.js';
import { compilePipeline } from './compile/pipeline.js';
import { toSql } from './compile/select-state.js';
import { outputSql } from './compile/output-sql.js';
import { getDialect } from './dialect/index.js';
import type { DialectName } from './dialect/index.js';
import { parseQuery } from './syntax/parse-query.js';
import { own } from './own.js';

/** Options of compileKql. Times are milliseconds since the epoch (UTC). */
export interface CompileOptions {
  readonly dialect: DialectName;
  /** What now() and ago() count from; defaults to the current time. */
  readonly now?: number;
  /** Restricts every table to [from, to) on its time column (see TIME_COLUMNS). */
  readonly timeRange?: { readonly from?: number; readonly to?: number };
  /** Values read from the data for operators whose columns depend on it, by the operator's offset (compileKqlWithValues). */
  readonly values?: ReadonlyMap<number, ColumnValues>;
}

/** The distinct values (pivot) or keys with their JSON type (bag_unpack) an operator found in the data. */
export type ColumnValues = readonly { readonly value: string; readonly type: string }[];

/** The SQL of a query and what it returns. */
export interface CompiledQuery {
  readonly sql: string;
  /** Values for the placeholders: `$1`... in DuckDB, `{p1:Type}`... in ClickHouse. Datetimes are 'YYYY-MM-DD HH:MM:SS.mmm' UTC strings. */
  readonly params: unknown[];
  readonly columns: { name: string; type: ColumnType }[];
  readonly render?: { kind: string; props: Record<string, unknown> };
}

/** Compile KQL to SQL; throws KqlError for every mistake in the query. */
export function compileKql(text: string, options: CompileOptions): CompiledQuery {
  const query = parseQuery(text);
  const ctx = new CompileContext(
    getDialect(options.dialect),
    text,
    {
      now: options.now ?? Date.now(),
      timeRange: options.timeRange,
      values: options.values ?? new Map(),
    },
    { expr: compileExpr, pipeline: compilePipeline },
  );
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
  const { sql, params } = ctx.finish(outputSql(ctx, state, toSql(ctx, state)));
  if (sql.length > MAX_SQL) throw tooLarge(ctx, query.body.pos);
  const compiled: CompiledQuery = {
    sql,
    params,
    columns: state.columns.map((c) => ({ name: c.name, type: c.type })),
  };
  return ctx.render ? { ...compiled, render: ctx.render } : compiled;
}
