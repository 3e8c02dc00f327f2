/**
 * `top-nested`: level 1 keeps the top N groups of its key; each next level groups by all keys so far and keeps the
 * top N within each group of the level above (joined to it). Columns: each level's key, then its aggregate.
 */
import type { TopNestedNode } from '../ast/index.js';
import { derivedName } from '../semantic/naming.js';
import { checkNewName } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExpr } from './expression.js';
import { canFilter, ensure, fromSource, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import { topNestedWithOthers } from './top-nested-others.js';

/** `top-nested`. */
export function compileTopNested(ctx: CompileContext, state: SelectState, node: TopNestedNode): SelectState {
  const fn = ctx.dialect.fn;
  const src = ensure(ctx, state, canFilter);
  const rowScope = { columns: src.columns, aggregates: false };
  const aggScope = { columns: src.columns, aggregates: true };
  const keys: Column[] = [];
  const taken = new Set<string>();
  let out: { sql: string; columns: Column[] } | undefined;
  const compiled = node.levels.map((level) => {
    const k = compileExpr(ctx, rowScope, level.key.expr);
    if (k.type === 'dynamic') throw ctx.error('type-mismatch', 'top-nested-dynamic', {}, level.key.pos);
    const keyName = level.key.name !== undefined ? checkNewName(ctx, level.key.name, level.key.pos) : derivedName(level.key.expr);
    if (keyName === undefined) throw ctx.error('invalid-argument', 'name-top-nested-key', {}, level.key.pos);
    const a = compileExpr(ctx, aggScope, level.aggregate.expr);
    if (!a.aggregate) throw ctx.error('invalid-argument', 'top-nested-aggregate', {}, level.aggregate.pos);
    const aggName =
      level.aggregate.name !== undefined ? checkNewName(ctx, level.aggregate.name, level.aggregate.pos) : `aggregated_${keyName}`;
    for (const name of [keyName, aggName]) {
      if (taken.has(name)) throw ctx.error('invalid-name', 'top-nested-twice', { name }, level.pos);
      taken.add(name);
    }
    const others = level.others === undefined ? undefined : compileExpr(ctx, { columns: [], aggregates: false }, level.others);
    if (others !== undefined && others.type !== k.type && !(others.type === 'long' && k.type === 'int'))
      throw ctx.error('type-mismatch', 'others-type', { type: k.type, given: others.type }, level.pos);
    return { level, k, a, keyName, aggName, others };
  });
  if (compiled.some((c) => c.others !== undefined)) {
    return topNestedWithOthers(
      ctx,
      src,
      compiled.map((c) => ({
        node: c.level,
        key: { name: c.keyName, type: c.k.type, sql: c.k.sql, atomic: c.k.atomic },
        aggName: c.aggName,
        others: c.others,
      })),
    );
  }
  for (const { level, k, a, keyName, aggName } of compiled) {
    keys.push({ name: keyName, type: k.type, sql: k.sql, atomic: k.atomic });
    const agg: Column = { name: aggName, type: a.type, sql: a.sql, atomic: a.atomic };
    const grouped: SelectState = { ...src, columns: [...keys, agg], groupBy: keys.map((c) => c.sql), orderBy: [], star: false };
    const groupedSql = toSql(ctx, grouped);
    const order = [`${ctx.q(aggName)} ${level.descending ? 'DESC' : 'ASC'}`];
    const parents = keys.slice(0, -1).map((c) => ctx.q(c.name));
    let sql: string;
    let columns: Column[];
    if (out === undefined) {
      sql = groupedSql;
      columns = [keys[0]!, agg].map((c) => ({ ...c, sql: ctx.q(c.name), atomic: true }));
    } else {
      const o = ctx.alias('o');
      const g = ctx.alias('g');
      columns = [...out.columns, keys[keys.length - 1]!, agg].map((c) => ({ ...c, sql: ctx.q(c.name), atomic: true }));
      const select = columns.map((c, i) => `${i < out!.columns.length ? o : g}.${ctx.q(c.name)} AS ${ctx.q(c.name)}`).join(', ');
      const on = keys.slice(0, -1).map((c) => `${o}.${ctx.q(c.name)} = ${g}.${ctx.q(c.name)}`);
      sql = `SELECT ${select} FROM (${out.sql}) AS ${o} ${fn.join('JOIN')} (${groupedSql}) AS ${g} ON ${on.join(' AND ')}`;
    }
    if (level.count !== undefined) sql = fn.topPerGroup(sql, parents, order, level.count, ctx.alias());
    out = { sql, columns };
  }
  const result = out!;
  return fromSource(ctx, `(${result.sql}) AS ${ctx.alias()}`, result.columns);
}
