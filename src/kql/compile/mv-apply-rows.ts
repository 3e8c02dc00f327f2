/**
 * `mv-apply` on an engine without LATERAL joins (ClickHouse): each input row gets a row value (a number unique to it,
 * carrying the row's columns along), its arrays are expanded beside that value, and the subquery's operators run
 * over all rows at once, each kept within its row: summarize and distinct group by the row value too, take and top
 * keep N rows per row value (the dialect's topPerGroup). The row's other columns are read back from the row value.
 * Operators that cannot be kept within a row (join, union, ...) are refused by name.
 */
import type { AssignmentNode, MvApplyNode, NameNode, OperatorNode, SortKeyNode } from '../ast/index.js';
import { checkNewName } from './columns.js';
import type { CompileContext } from './context.js';
import { orderKeys, rowCount } from './operators-rows.js';
import { applyItems } from './mv-apply-items.js';
import { fromSource, toSql, wrap } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** The hidden column holding each input row's value through the subquery. */
const ROW = '__mv_row';

/** Operators that run on each row of the subquery alone, as they are. */
const ROW_WISE: ReadonlySet<OperatorNode['kind']> = new Set([
  'Where',
  'Extend',
  'Sort',
  'Serialize',
  'ProjectRename',
  'ProjectReorder',
  'Parse',
  'MvExpand',
]);

/** `mv-apply` by row values. */
export function compileMvApplyByRow(ctx: CompileContext, state: SelectState, node: MvApplyNode): SelectState {
  const fn = ctx.dialect.fn;
  const q = (n: string): string => ctx.q(n);
  // The row's columns under names of their own: an expanded column's alias must hide none of them (ClickHouse).
  const outer = state.columns.map((c, i) => ({ ...c, sql: q(`_mv_o${i + 1}`), atomic: true }));
  const { expanded: items, replaced } = applyItems(ctx, outer, node);
  const unnested = fn.unnestJsonZip(
    items.map((c) => ({ sql: c.sql, asText: c.type !== 'dynamic' })),
    node.itemIndex !== undefined,
    node.limit,
  );
  if (unnested === undefined)
    throw ctx.error('unsupported', 'feature-not-on-engine', { feature: 'mv-apply of several arrays', engine: ctx.dialect.name }, node.pos);
  const expanded: Column[] = items.map((c, i) => ({
    name: c.name,
    type: c.type,
    sql: c.type !== 'dynamic' && c.type !== 'string' ? fn.tryCast(unnested[i]!, c.type) : unnested[i]!,
    atomic: true,
  }));
  if (node.itemIndex !== undefined)
    expanded.push({ name: checkNewName(ctx, node.itemIndex, node.pos), type: 'long', sql: unnested[items.length]!, atomic: true });
  // The row value is made in a SELECT of its own, before the arrays multiply the rows.
  const cols = state.columns.map((c) => q(c.name));
  const numbered = `SELECT ${[...cols.map((c, i) => `${c} AS ${outer[i]!.sql}`), `${fn.rowWithValues(cols)} AS ${q(ROW)}`].join(', ')} FROM (${toSql(ctx, state)}) AS ${ctx.alias()}`;
  const rowColumn: Column = { name: ROW, type: 'string', sql: q(ROW), atomic: true };
  const rows = `SELECT ${[q(ROW), ...expanded.map((c) => `${c.sql} AS ${q(c.name)}`)].join(', ')} FROM (${numbered}) AS ${ctx.alias()}`;
  let sub = fromSource(ctx, `(${rows}) AS ${ctx.alias()}`, [rowColumn, ...expanded]);
  let sort: readonly SortKeyNode[] | undefined;
  let segment: OperatorNode[] = [];
  const flush = (): void => {
    sub = runSegment(ctx, sub, segment, node.pos);
    segment = [];
  };
  for (const op of node.operators) {
    if (op.kind === 'Take' || op.kind === 'Top') {
      if (op.kind === 'Top') sort = op.keys;
      flush();
      sub = perRow(ctx, sub, sort ?? [], rowCount(ctx, op.count));
      sort = undefined;
    } else {
      if (op.kind === 'Sort') sort = op.keys;
      else if (!ROW_WISE.has(op.kind)) sort = undefined;
      segment.push(withRowValue(ctx, op));
    }
  }
  flush();
  if (!sub.columns.some((c) => c.name === ROW))
    throw ctx.error('unsupported', 'feature-not-on-engine', { feature: `mv-apply dropping ${ROW}`, engine: ctx.dialect.name }, node.pos);
  const inner = sub.columns.filter((c) => c.name !== ROW);
  const names = new Set(inner.map((c) => c.name));
  const kept = state.columns
    .map((c, i) => ({ ...c, sql: fn.rowValue(q(ROW), i + 1), atomic: true }))
    .filter((c) => !replaced.has(c.name) && !names.has(c.name));
  const columns = [...kept, ...inner.map((c) => ({ ...c, sql: q(c.name), atomic: true }))];
  const select = columns.map((c) => `${c.sql} AS ${q(c.name)}`).join(', ');
  return fromSource(ctx, `(SELECT ${select} FROM (${toSql(ctx, sub)}) AS ${ctx.alias()}) AS ${ctx.alias()}`, columns);
}

/** The operator, made to keep each input row's rows apart (the row value among its groups and columns). */
function withRowValue(ctx: CompileContext, op: OperatorNode): OperatorNode {
  const row: AssignmentNode = { kind: 'Assignment', name: undefined, expr: rowName(op.pos), pos: op.pos };
  switch (op.kind) {
    case 'Summarize':
      return { ...op, by: [...op.by, row] };
    case 'Count':
      return {
        kind: 'Summarize',
        aggregates: [{ kind: 'Assignment', name: 'Count', expr: { kind: 'Call', name: 'count', args: [], pos: op.pos }, pos: op.pos }],
        by: [row],
        pos: op.pos,
      };
    case 'Project':
      return { ...op, columns: [...op.columns, row] };
    case 'Distinct':
      return op.columns === undefined ? op : { ...op, columns: [...op.columns, row] };
    case 'ProjectAway':
    case 'ProjectKeep':
      return op;
    default:
      if (ROW_WISE.has(op.kind)) return op;
      throw ctx.error(
        'unsupported',
        'feature-not-on-engine',
        { feature: `${OPERATOR_NAMES[op.kind] ?? op.kind} inside mv-apply`, engine: ctx.dialect.name },
        op.pos,
      );
  }
}

const OPERATOR_NAMES: Partial<Record<OperatorNode['kind'], string>> = {
  Join: 'join',
  Union: 'union',
  MakeSeries: 'make-series',
  TopNested: 'top-nested',
  MvApply: 'mv-apply',
  Evaluate: 'evaluate',
  Search: 'search',
  Render: 'render',
  As: 'as',
};

function rowName(pos: number): NameNode {
  return { kind: 'Name', name: ROW, bracketed: false, pos };
}

/** The operators of `segment` over the rows of `s` (read through a binding no query can name). */
function runSegment(ctx: CompileContext, s: SelectState, segment: readonly OperatorNode[], pos: number): SelectState {
  if (segment.length === 0) return s;
  const binding = `$${ctx.alias('mv')}`;
  ctx.bindings.set(binding, { kind: 'rows', compiled: { sql: toSql(ctx, s), columns: s.columns } });
  try {
    return ctx.compile.pipeline(ctx, { kind: 'Pipeline', source: { kind: 'TableRef', name: binding, pos }, operators: segment, pos });
  } finally {
    ctx.bindings.delete(binding);
  }
}

/** At most `n` rows of each row value, the first by `keys` (any when none). */
function perRow(ctx: CompileContext, s: SelectState, keys: readonly SortKeyNode[], n: number): SelectState {
  const w = wrap(ctx, { ...s, orderBy: [] });
  const order = orderKeys(ctx, w, keys).map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nulls.toUpperCase()}`);
  const sql = ctx.dialect.fn.topPerGroup(toSql(ctx, w), [ctx.q(ROW)], order, n, ctx.alias());
  return fromSource(ctx, `(${sql}) AS ${ctx.alias()}`, s.columns);
}
