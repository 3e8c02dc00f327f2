/**
 * `evaluate pivot(...)` and `evaluate bag_unpack(...)`: operators whose output columns are values in the data. The
 * values are read first (KqlNeedsValues carries the SELECT; compileKqlWithValues runs it and compiles again).
 */
import type { EvaluateNode } from '../ast/index.js';
import { KqlNeedsValues } from '../kql-error.js';
import { positionOf } from '../syntax/position.js';
import { compileBagUnpack } from './bag-unpack.js';
import type { CompileContext } from './context.js';
import { compilePivot } from './pivot.js';
import type { SelectState } from './select-state.js';

/** At most this many columns come from values in the data. */
export const MAX_VALUE_COLUMNS = 1000;

/** `evaluate`. */
export function compileEvaluate(ctx: CompileContext, state: SelectState, node: EvaluateNode): SelectState {
  return node.plugin === 'pivot' ? compilePivot(ctx, state, node) : compileBagUnpack(ctx, state, node);
}

/** The values read for the operator at `node.pos`, or the error that asks for them with the SELECT `sql`. */
export function valuesFor(
  ctx: CompileContext,
  node: EvaluateNode,
  sql: () => string,
): readonly { readonly value: string; readonly type: string }[] {
  const found = ctx.options.values.get(node.pos);
  if (found) {
    if (found.length > MAX_VALUE_COLUMNS)
      throw ctx.error('too-complex', `evaluate ${node.plugin} would make ${found.length} columns (at most ${MAX_VALUE_COLUMNS})`, node.pos);
    return found;
  }
  const { sql: text, params } = ctx.finish(`${sql()} LIMIT ${MAX_VALUE_COLUMNS + 1}`);
  const p = positionOf(ctx.text, node.pos);
  throw new KqlNeedsValues(`evaluate ${node.plugin} needs the values in the data first`, p.line, p.column, {
    at: node.pos,
    sql: text,
    params,
  });
}
