/**
 * `evaluate pivot(...)` and `evaluate bag_unpack(...)`: operators whose output columns are values in the data. The
 * values are read first (KqlNeedsValues carries the SELECT; compileKqlWithValues runs it and compiles again).
 */
import type { EvaluateNode } from '../ast/index.js';
import { compileBagUnpack } from './bag-unpack.js';
import type { CompileContext } from './context.js';
import { compilePivot } from './pivot.js';
import type { SelectState } from './select-state.js';

/** `evaluate`. */
export function compileEvaluate(ctx: CompileContext, state: SelectState, node: EvaluateNode): SelectState {
  return node.plugin === 'pivot' ? compilePivot(ctx, state, node) : compileBagUnpack(ctx, state, node);
}
