/** `union`: rows of several tabular expressions, columns matched by name (missing ones are null, or '' for strings). */
import type { CompileContext } from './context.js';
import { canCompute, ensure, fromSource, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import { atom } from './sql-expr.js';
import { toTicks } from './ticks.js';

/** Union of compiled states, in order. */
export function unionStates(
  ctx: CompileContext,
  input: readonly SelectState[],
  pos: number,
  withSource?: { name: string; sources: readonly string[] },
): SelectState {
  // withsource=Name: each branch first gets a column holding the name of its table.
  const states = withSource
    ? input.map((s, i) => {
        const w = ensure(ctx, s, canCompute);
        const col: Column = { name: withSource.name, type: 'string', sql: ctx.param(withSource.sources[i]!, 'string'), atomic: true };
        return { ...w, columns: [col, ...w.columns.filter((c) => c.name !== withSource.name)], star: false };
      })
    : input;
  if (states.length === 1) return states[0]!;
  const columns: { name: string; type: Column['type']; ticks?: boolean }[] = [];
  for (const s of states) {
    for (const c of s.columns) {
      const known = columns.find((x) => x.name === c.name);
      if (!known) columns.push({ name: c.name, type: c.type, ...(c.ticks ? { ticks: true } : {}) });
      else if (known.type !== c.type) {
        throw ctx.error('type-mismatch', 'union-types', { name: c.name, first: known.type, second: c.type }, pos);
      } else if (c.ticks) known.ticks = true;
    }
  }
  const fn = ctx.dialect.fn;
  const branches = states.map((s) => {
    const alias = ctx.alias();
    const list = columns.map((c) => {
      const own = s.columns.find((x) => x.name === c.name);
      // A column in ticks in one branch is read in ticks from every branch (ticks.ts).
      if (own && c.ticks && !own.ticks) return `${toTicks(ctx, atom(ctx.q(c.name), c.type)).sql} AS ${ctx.q(c.name)}`;
      if (own) return ctx.q(c.name);
      return `${c.type === 'string' ? "''" : fn.cast('NULL', c.ticks ? 'long' : c.type)} AS ${ctx.q(c.name)}`;
    });
    return `SELECT ${list.join(', ')} FROM (${toSql(ctx, s)}) AS ${alias}`;
  });
  return fromSource(ctx, `(${branches.join(' UNION ALL ')}) AS ${ctx.alias()}`, columns);
}
