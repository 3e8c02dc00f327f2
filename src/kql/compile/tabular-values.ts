/** A one-column tabular expression used as a value list: `x in (Indicators | project Indicator)`. */
import type { ColumnType } from '../../schema/index.js';
import type { PipelineNode } from '../ast/index.js';
import type { CompileContext } from './context.js';
import { toSql } from './select-state.js';

/** SQL of the subquery and the type of its single column. */
export function compileTabularValues(ctx: CompileContext, p: PipelineNode, pos: number): { sql: string; type: ColumnType } {
  const s = ctx.compile.pipeline(ctx, p);
  if (s.columns.length !== 1) {
    throw ctx.error('invalid-argument', 'in-one-column', { count: s.columns.length }, pos);
  }
  return { sql: toSql(ctx, s), type: s.columns[0]!.type };
}
