/**
 * `mv-apply`: each row's arrays are expanded into a small table (arrays side by side, the shorter padded with
 * nulls), the subquery runs on it, and its rows come back beside the row's other columns (a LATERAL join).
 */
import type { MvApplyNode } from '../ast/index.js';
import { checkNewName } from './columns.js';
import type { CompileContext } from './context.js';
import { applyItems } from './mv-apply-items.js';
import { compileMvApplyByRow } from './mv-apply-rows.js';
import { fromSource, toSql } from './select-state.js';
import type { SelectState } from './select-state.js';

/** `mv-apply`. */
export function compileMvApply(ctx: CompileContext, state: SelectState, node: MvApplyNode): SelectState {
  if (!ctx.dialect.capabilities.lateralJoins) return compileMvApplyByRow(ctx, state, node);
  const fn = ctx.dialect.fn;
  const o = ctx.alias('o');
  const outer = state.columns.map((c) => ({ ...c, sql: `${o}.${ctx.q(c.name)}`, atomic: true }));
  const { expanded, replaced } = applyItems(ctx, outer, node);
  // Without an index or a limit each array is unnested on its own (in one SELECT, side by side).
  const plain = node.itemIndex === undefined && node.limit === undefined;
  const unnested = plain
    ? expanded.map((c) => fn.unnestJson(c.sql, c.type !== 'dynamic'))
    : fn.unnestJsonZip(
        expanded.map((c) => ({ sql: c.sql, asText: c.type !== 'dynamic' })),
        node.itemIndex !== undefined,
        node.limit,
      );
  if (unnested === undefined)
    throw ctx.error('unsupported', 'feature-not-on-engine', { feature: 'mv-apply of several arrays', engine: ctx.dialect.name }, node.pos);
  expanded.forEach((c, i) => {
    expanded[i] = { ...c, sql: c.type !== 'dynamic' && c.type !== 'string' ? fn.tryCast(unnested[i]!, c.type) : unnested[i]! };
  });
  if (node.itemIndex !== undefined)
    expanded.push({ name: checkNewName(ctx, node.itemIndex, node.pos), type: 'long', sql: unnested[expanded.length]!, atomic: true });
  const rows: SelectState = {
    from: undefined,
    columns: expanded,
    where: [],
    groupBy: undefined,
    distinct: false,
    orderBy: [],
    limit: undefined,
    sealed: true,
    star: false,
  };
  // The subquery reads the expanded rows through a binding no query can name.
  const binding = `$${ctx.alias('mv')}`;
  ctx.bindings.set(binding, { kind: 'rows', compiled: { sql: toSql(ctx, rows), columns: expanded } });
  let sub: SelectState;
  try {
    sub = ctx.compile.pipeline(ctx, {
      kind: 'Pipeline',
      source: { kind: 'TableRef', name: binding, pos: node.pos },
      operators: node.operators,
      pos: node.pos,
    });
  } finally {
    ctx.bindings.delete(binding);
  }
  const s = ctx.alias('s');
  const inner = new Set(sub.columns.map((c) => c.name));
  const kept = state.columns.filter((c) => !replaced.has(c.name) && !inner.has(c.name));
  const columns = [
    ...kept.map((c) => ({ ...c, sql: `${o}.${ctx.q(c.name)}` })),
    ...sub.columns.map((c) => ({ ...c, sql: `${s}.${ctx.q(c.name)}` })),
  ];
  const from = fn.lateral(`(${toSql(ctx, state)}) AS ${o}`, toSql(ctx, sub), s);
  const select = columns.map((c) => `${c.sql} AS ${ctx.q(c.name)}`).join(', ');
  return fromSource(ctx, `(SELECT ${select} FROM ${from}) AS ${ctx.alias()}`, columns);
}
