/** The final SELECT of a query: result columns as the store returns them (the dialect's outputValue hook). */
import type { CompileContext } from './context.js';
import type { SelectState } from './select-state.js';
import { ticksIsoText, ticksTimespanText } from './ticks.js';

/**
 * `sql` with its result columns made what the store returns (the dialect's outputValue; the ISO or KQL text of a
 * column in ticks), wrapped only when one changes.
 */
export function outputSql(ctx: CompileContext, state: SelectState, sql: string): string {
  const outputs = state.columns.map((c) => {
    if (!c.ticks) return ctx.dialect.outputValue(ctx.q(c.name), c.type);
    return c.type === 'datetime' ? ticksIsoText(ctx, ctx.q(c.name)) : ticksTimespanText(ctx, ctx.q(c.name));
  });
  if (outputs.every((o) => o === undefined)) return sql;
  const list = state.columns.map((c, i) => (outputs[i] === undefined ? ctx.q(c.name) : `${outputs[i]} AS ${ctx.q(c.name)}`));
  return `SELECT ${list.join(', ')} FROM (${sql}) AS ${ctx.alias('out')}`;
}
