/** Compiles a pipeline: its source, then each operator in turn; one compile function per operator kind. */
import { TABLES } from '../../schema/index.js';
import type { OperatorNode, PipelineNode, PrintNode, SourceNode, TableRefNode, UnionNode } from '../ast/index.js';
import { suggest } from '../semantic/suggest.js';
import { TIME_COLUMNS } from '../semantic/time-columns.js';
import { compileAssignment, toColumn } from './columns.js';
import type { CompileContext } from './context.js';
import { tooLarge } from './expression.js';
import { MAX_SQL } from '../limits.js';
import { compileJoin } from './join.js';
import {
  compileExtend,
  compileMvExpand,
  compileParse,
  compileProject,
  compileProjectAway,
  compileProjectKeep,
  compileProjectRename,
  compileProjectReorder,
  compileSerialize,
} from './operators-columns.js';
import {
  compileAs,
  compileCount,
  compileDistinct,
  compileRender,
  compileSearch,
  compileSort,
  compileTake,
  compileTop,
  compileWhere,
} from './operators-rows.js';
import { fromSource, toSql } from './select-state.js';
import type { SelectState } from './select-state.js';
import { compileDatatable, compileRange } from './sources.js';
import { tableState, withTimeRange } from './source-filters.js';
import { compileSummarize } from './summarize.js';
import { compileMakeSeries } from './make-series.js';
import { compileTopNested } from './top-nested.js';
import { compileMvApply } from './mv-apply.js';
import { compileEvaluate } from './evaluate.js';
import { unionStates } from './union.js';
import { compileUserTable } from './user-functions.js';
import { own } from '../own.js';

type OperatorCompilers = {
  [K in OperatorNode['kind']]: (ctx: CompileContext, state: SelectState, node: Extract<OperatorNode, { kind: K }>) => SelectState;
};

const OPERATORS: OperatorCompilers = {
  Where: compileWhere,
  Project: compileProject,
  ProjectAway: compileProjectAway,
  ProjectRename: compileProjectRename,
  ProjectKeep: compileProjectKeep,
  ProjectReorder: compileProjectReorder,
  Serialize: compileSerialize,
  Extend: compileExtend,
  Summarize: compileSummarize,
  Sort: compileSort,
  Top: compileTop,
  Take: compileTake,
  Count: compileCount,
  Distinct: compileDistinct,
  Join: compileJoin,
  Union: (ctx, state, node) =>
    unionStates(ctx, [state, ...node.tables.map((t) => compilePipeline(ctx, t))], node.pos, sourceNames(node, ['union_arg0'])),
  MvExpand: compileMvExpand,
  Parse: compileParse,
  Search: compileSearch,
  Render: compileRender,
  As: compileAs,
  MakeSeries: compileMakeSeries,
  TopNested: compileTopNested,
  MvApply: compileMvApply,
  Evaluate: compileEvaluate,
};

/** Compile a pipeline to a SELECT state. */
export function compilePipeline(ctx: CompileContext, p: PipelineNode): SelectState {
  let state = checkSize(ctx, compileSource(ctx, p.source), p.pos);
  p.operators.forEach((op, i) => {
    if (op.kind === 'Render' && i !== p.operators.length - 1) throw ctx.error('unsupported', 'render-last', {}, op.pos);
    state = (OPERATORS[op.kind] as (c: CompileContext, s: SelectState, n: OperatorNode) => SelectState)(ctx, state, op);
    checkSize(ctx, state, op.pos);
  });
  return state;
}

/** Refuse a SELECT whose parts already pass MAX_SQL (a let pasted into itself again and again doubles each time). */
function checkSize(ctx: CompileContext, s: SelectState, pos: number): SelectState {
  let size = s.from?.length ?? 0;
  for (const c of s.columns) size += c.sql.length;
  for (const w of s.where) size += w.length;
  if (size > MAX_SQL) throw tooLarge(ctx, pos);
  return s;
}

function compileSource(ctx: CompileContext, source: SourceNode): SelectState {
  switch (source.kind) {
    case 'TableRef':
      return compileTableRef(ctx, source);
    case 'Union':
      return unionStates(
        ctx,
        source.tables.map((t) => compilePipeline(ctx, t)),
        source.pos,
        sourceNames(source, []),
      );
    case 'Print':
      return compilePrint(ctx, source);
    case 'Datatable':
      return compileDatatable(ctx, source);
    case 'Range':
      return compileRange(ctx, source);
  }
}

/** For `withsource=`: the table name of each union argument (union_argN for other expressions). */
function sourceNames(node: UnionNode, first: readonly string[]): { name: string; sources: string[] } | undefined {
  if (node.withSource === undefined) return undefined;
  const names = node.tables.map((t, i) =>
    t.source.kind === 'TableRef' && t.operators.length === 0 ? t.source.name : `union_arg${i + first.length}`,
  );
  return { name: node.withSource, sources: [...first, ...names] };
}

/** A table, or a let/as name bound to a tabular expression. */
export function compileTableRef(ctx: CompileContext, node: TableRefNode): SelectState {
  const binding = ctx.bindings.get(node.name);
  if (binding?.kind === 'function') return compileUserTable(ctx, node.name, binding.fn, node.args ?? [], node.pos);
  if (node.args) throw ctx.error('unknown-function', 'unknown-tabular-function', { name: node.name }, node.pos);
  if (binding?.kind === 'tabular' || binding?.kind === 'rows') {
    // Compiled once: a let used twice in each of a chain of lets would otherwise compile 2^n times.
    if (binding.kind === 'tabular' && !binding.compiled) {
      const s = compilePipeline(ctx, binding.pipeline);
      binding.compiled = { sql: toSql(ctx, s), columns: s.columns };
    }
    const c = binding.compiled!;
    return fromSource(ctx, `(${c.sql}) AS ${ctx.alias()}`, c.columns);
  }
  const table = own(TABLES, node.name);
  if (!table) {
    const names = [...Object.keys(TABLES), ...[...ctx.bindings].filter(([, b]) => b.kind !== 'scalar').map(([n]) => n)];
    throw ctx.error('unknown-table', 'unknown-table', { name: node.name, suggestion: suggest(node.name, names) }, node.pos);
  }
  // Another FROM item for the table (its rows materialized): no engine source of the table's own to filter inside.
  const other = own(ctx.options.tableSources ?? {}, table.name);
  const state = other
    ? fromSource(
        ctx,
        other.sql,
        table.columns.filter((c) => other.columns.includes(c.name)),
      )
    : tableState(ctx, fromSource(ctx, ctx.dialect.tableSource(table.name), table.columns), table.name, []);
  const timeColumn = own(TIME_COLUMNS, table.name);
  const range = ctx.options.timeRange;
  if (!timeColumn || !range) return state;
  const where: string[] = [];
  if (range.from !== undefined) where.push(`${ctx.q(timeColumn)} >= ${ctx.param(range.from, 'datetime')}`);
  if (range.to !== undefined) where.push(`${ctx.q(timeColumn)} < ${ctx.param(range.to, 'datetime')}`);
  return withTimeRange(ctx, state, timeColumn, where);
}

function compilePrint(ctx: CompileContext, node: PrintNode): SelectState {
  const columns = node.columns.map((a, index) => {
    const { name, expr } = compileAssignment(ctx, { columns: [], aggregates: false }, a, () => `print_${index}`);
    return toColumn(a.name === undefined ? `print_${index}` : name, expr);
  });
  return {
    from: undefined,
    columns,
    where: [],
    groupBy: undefined,
    distinct: false,
    orderBy: [],
    limit: undefined,
    sealed: false,
    star: false,
  };
}
