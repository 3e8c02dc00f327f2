/**
 * `join`. KQL's default kind is innerunique: the left side is first reduced to one row per join key
 * (an arbitrary one), then inner-joined. Right columns whose names clash get a suffix (Name1).
 */
import type { ColumnType } from '../../schema/index.js';
import type { JoinNode } from '../ast/index.js';
import { suggest } from '../semantic/suggest.js';
import { comparable } from '../semantic/types.js';
import { uniqueName } from '../semantic/naming.js';
import type { CompileContext } from './context.js';
import { toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import { atom } from './sql-expr.js';
import { toTicks } from './ticks.js';

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
  const pairs = node.on.map((k) => {
    const a = find(left.columns, k.left, 'left', k.pos);
    const b = find(right.columns, k.right, 'right', k.pos);
    if (!comparable(a.type, b.type) || a.type === 'dynamic')
      throw ctx.error('type-mismatch', 'join-types', { leftType: a.type, left: a.name, rightType: b.type, right: b.name }, k.pos);
    // Keys of two numeric types are compared as the wider (ClickHouse joins only keys of one type).
    const common = a.type === b.type ? undefined : a.type !== 'real' && b.type !== 'real' ? 'long' : 'real';
    // A key in ticks (ticks.ts) is compared with the other side's in ticks.
    const toTicks = Boolean(a.ticks) === Boolean(b.ticks) ? undefined : a.ticks ? 'right' : 'left';
    return { left: a.name, right: b.name, common, ...(toTicks ? { toTicks, type: a.type } : {}) } satisfies JoinPair;
  });
  if ((node.joinKind === 'leftanti' || node.joinKind === 'rightanti') && fn.antiJoin() === undefined) {
    return antiJoinByNotIn(
      ctx,
      node.joinKind === 'leftanti' ? left : right,
      node.joinKind === 'leftanti' ? right : left,
      pairs,
      node.joinKind === 'rightanti',
    );
  }
  // Where the engine merges the key columns of both sides into one, the ON compares copies of the keys instead.
  const copies = ctx.dialect.capabilities.mergedJoinKeys;
  const sideKeys = (which: 'left' | 'right'): { sql: string; name: string }[] =>
    pairs.flatMap((p, i) =>
      fn.joinKeyCopies(keyOf(ctx, p, which, ctx.q(p[which])), which).map((sql, j) => ({ sql, name: `_j${which[0]}${i + 1}_${j + 1}` })),
    );
  const rightKeys = sideKeys('right');
  const conditions = copies
    ? sideKeys('left').map((k, i) => `${l}.${ctx.q(k.name)} = ${r}.${ctx.q(rightKeys[i]!.name)}`)
    : pairs.map(
        (p) => `${keyOf(ctx, p, 'left', `${l}.${ctx.q(p.left)}`, false)} = ${keyOf(ctx, p, 'right', `${r}.${ctx.q(p.right)}`, false)}`,
      );
  // innerunique: the left side reduced to one (arbitrary) row per key first.
  const leftSubquery =
    node.joinKind === 'innerunique'
      ? fn.dedupeBy(
          toSql(ctx, left),
          pairs.map((p) => ctx.q(p.left)),
          ctx.alias('u'),
        )
      : undefined;
  const side = (s: SelectState, alias: string, which: 'left' | 'right'): string => {
    const sub = which === 'left' ? leftSubquery : undefined;
    if (copies) return withKeyCopies(ctx, sub ?? `(${toSql(ctx, s)})`, s.columns, sideKeys(which), alias);
    return sub !== undefined ? `${sub} AS ${alias}` : fromItem(ctx, s, alias);
  };
  const leftItem = side(left, l, 'left');
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
  const columns: Column[] = rightOnly ? [] : left.columns.map((c) => ({ ...c, sql: read(l, c, 'left'), atomic: true }));
  if (!leftOnly) {
    const taken = new Set(columns.map((c) => c.name));
    const sameKeys = new Set(node.on.filter((k) => k.left === k.right).map((k) => k.right));
    for (const c of right.columns) {
      if (node.lookup && sameKeys.has(c.name)) continue;
      const name = uniqueName(c.name, taken);
      taken.add(name);
      columns.push({ ...c, name, sql: read(r, c, 'right'), atomic: true });
    }
  }
  const from = rightOnly
    ? `${side(right, r, 'right')} ${fn.join(keyword!)} ${leftItem} ON ${conditions.join(' AND ')}`
    : `${leftItem} ${fn.join(keyword!)} ${side(right, r, 'right')} ON ${conditions.join(' AND ')}`;
  return joined(from, columns);
}

/** One equality of the ON: the key columns of each side, and the type both are compared as when they differ. */
interface JoinPair {
  readonly left: string;
  readonly right: string;
  readonly common: ColumnType | undefined;
  /** The side whose key (of `type`) is read in ticks, as the other side's is. */
  readonly toTicks?: 'left' | 'right';
  readonly type?: ColumnType;
}

/** The SQL that side `which` of pair `p` compares: the key `ref` made ticks, or cast to the common type (`cast`). */
function keyOf(ctx: CompileContext, p: JoinPair, which: 'left' | 'right', ref: string, cast = true): string {
  if (p.toTicks === which) return toTicks(ctx, atom(ref, p.type!)).sql;
  return cast && p.common ? ctx.dialect.fn.cast(ref, p.common) : ref;
}

/** A FROM item of `subquery` (parenthesised) with the copies of its join keys beside its columns. */
function withKeyCopies(
  ctx: CompileContext,
  subquery: string,
  columns: readonly Column[],
  keys: readonly { sql: string; name: string }[],
  alias: string,
): string {
  const cols = [...columns.map((c) => ctx.q(c.name)), ...keys.map((k) => `${k.sql} AS ${ctx.q(k.name)}`)].join(', ');
  return `(SELECT ${cols} FROM ${subquery} AS ${ctx.alias()}) AS ${alias}`;
}

/**
 * An anti join without ANTI JOIN: the rows of `kept` whose keys are not among the other side's. A null key matches
 * nothing (in Kusto null == null is null), so a row with one is kept, and the other side's are left out of the list.
 */
function antiJoinByNotIn(
  ctx: CompileContext,
  kept: SelectState,
  other: SelectState,
  pairs: readonly JoinPair[],
  swapped: boolean,
): SelectState {
  const fn = ctx.dialect.fn;
  const a = ctx.alias('k');
  const key = (p: JoinPair, which: 'left' | 'right', alias?: string): string => {
    return keyOf(ctx, p, which, alias === undefined ? ctx.q(p[which]) : `${alias}.${ctx.q(p[which])}`);
  };
  const mine = pairs.map((p) => key(p, swapped ? 'right' : 'left', a));
  const theirs = pairs.map((p) => key(p, swapped ? 'left' : 'right'));
  const tuple = (xs: readonly string[]): string => (xs.length === 1 ? xs[0]! : `(${xs.join(', ')})`);
  const list = `SELECT ${theirs.join(', ')} FROM (${toSql(ctx, other)}) AS ${ctx.alias()} WHERE ${theirs.map((x) => `${x} IS NOT NULL`).join(' AND ')}`;
  const where = `${mine.map((x) => `${x} IS NULL`).join(' OR ')} OR ${tuple(mine)} ${fn.inSubquery(true)} (${list})`;
  const columns = kept.columns.map((c) => ({ ...c, sql: `${a}.${ctx.q(c.name)}`, atomic: true }));
  return { ...joined(fromItem(ctx, kept, a), columns), where: [where] };
}

/** The state reading `columns` of a join's FROM. */
function joined(from: string, columns: readonly Column[]): SelectState {
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
