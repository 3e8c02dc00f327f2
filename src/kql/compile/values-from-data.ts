/** The values an operator reads from the data before it compiles (evaluate pivot, bag_unpack), or the error asking for them. */
import type { EvaluateNode } from '../ast/index.js';
import { KqlNeedsValues } from '../kql-error.js';
import { positionOf } from '../syntax/position.js';
import type { CompileContext } from './context.js';

/** At most this many columns come from values in the data. */
export const MAX_VALUE_COLUMNS = 1000;

/** The values read for the operator at `node.pos`, or the error that asks for them with the SELECT `sql`. */
export function valuesFor(
  ctx: CompileContext,
  node: EvaluateNode,
  sql: () => string,
): readonly { readonly value: string; readonly type: string }[] {
  const found = ctx.options.values.get(node.pos);
  if (found) {
    if (found.length > MAX_VALUE_COLUMNS)
      throw ctx.error(
        'too-complex',
        'too-many-value-columns',
        { plugin: node.plugin, count: found.length, max: MAX_VALUE_COLUMNS },
        node.pos,
      );
    return found;
  }
  const { sql: text, params } = ctx.finish(`${sql()} LIMIT ${MAX_VALUE_COLUMNS + 1}`);
  const p = positionOf(ctx.text, node.pos);
  throw new KqlNeedsValues(node.plugin, p.line, p.column, {
    at: node.pos,
    sql: text,
    params,
  });
}
