/**
 * `top-nested ... with others = V`: rows outside a level's top groups are kept as one more group of that level, named
 * V, with the aggregate over them (Kusto's "All Other States" row). Following Kusto's documented example, a row
 * that falls out at a level stays in the others group of every deeper level: there its key is that level's V (or
 * empty when the level has none, with a null aggregate); it is dropped when no level from there on has `with others`.
 *
 * Each row is flagged level by level (`_tf1`, `_tf2`, ... : out of the top so far), then every level's groups are
 * aggregated over the flagged rows and joined to the deepest level's groups on their labels and flags.
 */
import type { TopNestedLevel } from '../ast/top-nested-node.js';
import type { CompileContext } from './context.js';
import { compileExpr } from './expression.js';
import { fromSource, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import type { SqlExpr } from './sql-expr.js';

/** One level, compiled: its key and aggregate over the source's rows, and its others value. */
export interface OthersLevel {
  readonly node: TopNestedLevel;
  readonly key: Column;
  readonly aggName: string;
  readonly others: SqlExpr | undefined;
}

/** The rows of top-nested with `with others` on some level. */
export function topNestedWithOthers(ctx: CompileContext, src: SelectState, levels: readonly OthersLevel[]): SelectState {
  const fn = ctx.dialect.fn;
  const q = (n: string): string => ctx.q(n);
  const k = (i: number): string => q(`_tk${i + 1}`);
  const f = (i: number): string => q(`_tf${i + 1}`);
  const l = (i: number): string => q(`_tl${i + 1}`);
  const named = src.columns.map((c) => ({ ...c, sql: q(c.name), atomic: true }));
  const aggregate = (level: OthersLevel): string => compileExpr(ctx, { columns: named, aggregates: true }, level.node.aggregate.expr).sql;
  // The rows with each level's key beside them.
  let rows = toSql(ctx, { ...src, columns: [...src.columns, ...levels.map((lv, i) => ({ ...lv.key, name: `_tk${i + 1}` }))], star: false });
  levels.forEach((level, i) => {
    const keys = levels.slice(0, i + 1).map((_, j) => k(j));
    const previous = i === 0 ? undefined : f(i - 1);
    let out: string;
    if (level.node.count === undefined) {
      out = previous ?? fn.bool(false);
    } else {
      const a = ctx.alias();
      const grouped = `SELECT ${keys.join(', ')}, ${aggregate(level)} AS ${q('_ta')} FROM (${rows}) AS ${a}${previous ? ` WHERE NOT ${previous}` : ''} GROUP BY ${keys.join(', ')}`;
      // Ties go to the smaller key, so that every engine picks the same groups.
      const order = [`${q('_ta')} ${level.node.descending ? 'DESC' : 'ASC'}`, `${k(i)} ASC`];
      const top = fn.topPerGroup(grouped, keys.slice(0, -1), order, level.node.count, ctx.alias());
      const tuple = keys.length === 1 ? keys[0]! : `(${keys.join(', ')})`;
      const inTop = `coalesce(${tuple} ${fn.inSubquery(false)} (SELECT ${keys.join(', ')} FROM (${top}) AS ${ctx.alias()}), ${fn.bool(false)})`;
      out = previous ? `(${previous} OR NOT ${inTop})` : `NOT ${inTop}`;
    }
    rows = fn.fenced(`SELECT *, ${out} AS ${f(i)} FROM (${rows}) AS ${ctx.alias()}`);
  });
  // Labels; rows out of the top where no level from there on keeps its others are dropped.
  const labels = levels.map((level, i) => {
    const none = level.key.type === 'string' ? "''" : 'NULL';
    return `CASE WHEN ${f(i)} THEN ${level.others?.sql ?? none} ELSE ${k(i)} END AS ${l(i)}`;
  });
  const firstWithout = levels.findIndex((_, i) => levels.slice(i).every((lv) => lv.others === undefined));
  const kept = `SELECT *, ${labels.join(', ')} FROM (${rows}) AS ${ctx.alias()}${firstWithout >= 0 ? ` WHERE NOT ${f(firstWithout)}` : ''}`;
  // Each level's groups and aggregate, joined to the deepest level's groups on the labels and flags above.
  const groups = levels.map((level, i) => {
    const by = levels.slice(0, i + 1).flatMap((_, j) => [l(j), f(j)]);
    return `SELECT ${by.join(', ')}, ${aggregate(level)} AS ${q(level.aggName)} FROM (${kept}) AS ${ctx.alias()} GROUP BY ${by.join(', ')}`;
  });
  // The deepest level's groups joined to each shallower level's, one join per SELECT (18.16 runs one JOIN per query);
  // labels and flags are read from the deepest level's groups (the ON makes them equal).
  const last = levels.length - 1;
  const names = [...levels.flatMap((_, j) => [l(j), f(j)]), q(levels[last]!.aggName)];
  let from = `(${groups[last]}) AS ${ctx.alias('g')}`;
  for (let i = last - 1; i >= 0; i--) {
    const [c, g] = [ctx.alias('c'), ctx.alias('g')];
    const on = levels.slice(0, i + 1).flatMap((_, j) => [fn.notDistinctOn(`${g}.${l(j)}`, `${c}.${l(j)}`), `${g}.${f(j)} = ${c}.${f(j)}`]);
    const agg = q(levels[i]!.aggName);
    from = `(SELECT ${names.map((n) => `${c}.${n} AS ${n}`).join(', ')}, ${g}.${agg} AS ${agg} FROM (SELECT * FROM ${from}) AS ${c} ${fn.join('JOIN')} (${groups[i]}) AS ${g} ON ${on.join(' AND ')}) AS ${ctx.alias()}`;
    names.push(agg);
  }
  const columns: Column[] = levels.flatMap((level, i) => {
    const agg = q(level.aggName);
    return [
      { ...level.key, sql: l(i) },
      {
        name: level.aggName,
        type: aggType(ctx, named, level),
        sql: level.others ? agg : `CASE WHEN ${f(i)} THEN NULL ELSE ${agg} END`,
      },
    ].map((c) => ({ ...c, atomic: true }));
  });
  const select = columns.map((c) => `${c.sql} AS ${q(c.name)}`).join(', ');
  // Level by level, the bigger aggregates first (the order of Kusto's documented example), the others group among them.
  const orderBy = levels.map((level) => ({ sql: q(level.aggName), descending: level.node.descending, nulls: 'last' as const }));
  return { ...fromSource(ctx, `(SELECT ${select} FROM ${from}) AS ${ctx.alias()}`, columns), orderBy };
}

function aggType(ctx: CompileContext, named: readonly Column[], level: OthersLevel): Column['type'] {
  return compileExpr(ctx, { columns: named, aggregates: true }, level.node.aggregate.expr).type;
}
