/**
 * `join`. KQL's default kind is innerunique: the left side is first reduced to one row per join key
 * (an arbitrary one), then inner-joined. Right columns whose names clash get a suffix (Name1).
 */
import type { JoinNode } from '../ast/index.js';
import { suggest } from '../semantic/suggest.js';
import { comparable } from '../semantic/types.js';
import { uniqueName } from '../semantic/naming.js';
import type { CompileContext } from './context.js';
import { toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** A FROM item for a state: the bare table when nothing was applied to it, else a subquery. */
export function fromItem(ctx: CompileContext, s: SelectState, alias: string): string {
  const bare =
    s.star &&
    s.where.length === 0 &&
    s.groupBy === undefined &&
    !s.distinct &&
    s.limit === undefined &&
    s.orderBy.length === 0 &&
    s.from !== undefined &&
    /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(s.from);
  return bare ? `${s.from} AS ${alias}` : `(${toSql(ctx, s)}) AS ${alias}`;
}

/** `join kind=... (right) on keys`. */
export function compileJoin(ctx: CompileContext, left: SelectState, node: JoinNode): SelectState {
  const right = ctx.compile.pipeline(ctx, node.right);
  const fn = ctx.dialect.fn;
  const l = ctx.alias('l');
  const r = ctx.alias('r');
  const find = (cols: readonly Column[], name: string, side: 'left' | 'right', pos: number): Column => {
    const c = cols.find((x) => x.name === name);
    if (!c)
      throw ctx.error(
        'unknown-column',
        'unknown-join-column',
        {
          name,
          side,
          suggestion: suggest(
            name,
            cols.map((x) => x.name),
          ),
        },
        pos,
      );
    return c;
  };
  const conditions = node.on.map((k) => {
    const a = find(left.columns, k.left, 'left', k.pos);
    const b = find(right.columns, k.right, 'right', k.pos);
    if (!comparable(a.type, b.type) || a.type === 'dynamic')
      throw ctx.error('type-mismatch', 'join-types', { leftType: a.type, left: a.name, rightType: b.type, right: b.name }, k.pos);
    return `${l}.${ctx.q(a.name)} = ${r}.${ctx.q(b.name)}`;
  });
  const leftItem =
    node.joinKind === 'innerunique'
      ? `${fn.dedupeBy(
          toSql(ctx, left),
          node.on.map((k) => ctx.q(k.left)),
          ctx.alias('u'),
        )} AS ${l}`
      : fromItem(ctx, left, l);
  const keyword = {
    innerunique: 'JOIN',
    inner: 'JOIN',
    leftouter: 'LEFT JOIN',
    leftsemi: fn.semiJoin(),
    leftanti: fn.antiJoin(),
    rightouter: 'RIGHT JOIN',
    fullouter: 'FULL JOIN',
    // Right semi and anti joins are the left ones with the sides swapped.
    rightsemi: fn.semiJoin(),
    rightanti: fn.antiJoin(),
  }[node.joinKind];
  const rightOnly = node.joinKind === 'rightsemi' || node.joinKind === 'rightanti';
  const leftOnly = node.joinKind === 'leftsemi' || node.joinKind === 'leftanti';
  // KQL strings are never null: unmatched columns of an outer join's other side read as ''.
  const nullable = (side: 'left' | 'right'): boolean =>
    node.joinKind === 'fullouter' || node.joinKind === (side === 'left' ? 'rightouter' : 'leftouter');
  const read = (alias: string, c: Column, side: 'left' | 'right'): string => {
    const ref = `${alias}.${ctx.q(c.name)}`;
    return nullable(side) && c.type === 'string' ? `coalesce(${ref}, '')` : ref;
  };
  const columns: Column[] = rightOnly
    ? []
    : left.columns.map((c) => ({ name: c.name, type: c.type, sql: read(l, c, 'left'), atomic: true }));
  if (!leftOnly) {
    const taken = new Set(columns.map((c) => c.name));
    const sameKeys = new Set(node.on.filter((k) => k.left === k.right).map((k) => k.right));
    for (const c of right.columns) {
      if (node.lookup && sameKeys.has(c.name)) continue;
      const name = uniqueName(c.name, taken);
      taken.add(name);
      columns.push({ name, type: c.type, sql: read(r, c, 'right'), atomic: true });
    }
  }
  const from = rightOnly
    ? `${fromItem(ctx, right, r)} ${fn.join(keyword)} ${leftItem} ON ${conditions.join(' AND ')}`
    : `${leftItem} ${fn.join(keyword)} ${fromItem(ctx, right, r)} ON ${conditions.join(' AND ')}`;
  return {
    from,
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
