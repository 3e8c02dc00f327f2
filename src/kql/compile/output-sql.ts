/** The final SELECT of a query: result columns as the store returns them (the dialect's outputValue hook). */
import type { CompileContext } from './context.js';
import type { SelectState } from './select-state.js';

/** `sql` with its result columns made what the store returns (the dialect's outputValue), wrapped only when one changes. */
export function outputSql(ctx: CompileContext, state: SelectState, sql: string): string {
  const outputs = state.columns.map((c) => ctx.dialect.outputValue(ctx.q(c.name), c.type));
  if (outputs.every((o) => o === undefined)) return sql;
  const list = state.columns.map((c, i) => (outputs[i] === undefined ? ctx.q(c.name) : `${outputs[i]} AS ${ctx.q(c.name)}`));
  return `SELECT ${list.join(', ')} FROM (${sql}) AS ${ctx.alias('out')}`;
}
