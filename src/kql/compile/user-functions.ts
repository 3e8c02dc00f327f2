/** Calls of user-defined functions (`let f = (x:long) { ... };`) and toscalar(). */
import type { CallNode, ExprNode, FunctionValue, PipelineNode, ToScalarNode } from '../ast/index.js';
import type { Binding, CompileContext } from './context.js';
import type { ExprScope } from './expression.js';
import type { SelectState } from './select-state.js';
import { toSql } from './select-state.js';
import type { SqlExpr } from './sql-expr.js';
import { atom } from './sql-expr.js';

/** Deepest nesting of user-defined function calls (a function that calls itself never ends). */
const MAX_CALL_DEPTH = 32;

/** Run `body` with the function's parameters bound to the compiled arguments. */
function withArguments<T>(ctx: CompileContext, fn: FunctionValue, name: string, args: readonly SqlExpr[], pos: number, body: () => T): T {
  if (args.length !== fn.params.length) {
    throw ctx.error('invalid-argument', 'argument-count', { name, count: String(fn.params.length), given: args.length }, pos);
  }
  if (ctx.calls >= MAX_CALL_DEPTH) throw ctx.error('too-complex', 'calls-too-deep', { max: MAX_CALL_DEPTH }, pos);
  const saved = new Map<string, Binding | undefined>();
  fn.params.forEach((p, i) => {
    saved.set(p.name, ctx.bindings.get(p.name));
    const a = args[i]!;
    const ok = a.type === p.type || (['int', 'long', 'real'].includes(a.type) && ['int', 'long', 'real'].includes(p.type));
    if (!ok && a.constant?.value !== null)
      throw ctx.error('type-mismatch', 'parameter-type', { name, parameter: p.name, expected: p.type, type: a.type }, pos);
    const placeholder: ExprNode = { kind: 'Name', name: p.name, bracketed: false, pos: p.pos };
    ctx.bindings.set(p.name, { kind: 'scalar', expr: placeholder, compiled: { ...a, type: p.type } });
  });
  ctx.calls++;
  try {
    return body();
  } finally {
    ctx.calls--;
    for (const [n, b] of saved) {
      if (b === undefined) ctx.bindings.delete(n);
      else ctx.bindings.set(n, b);
    }
  }
}

/** A scalar call of a user-defined function. */
export function compileUserCall(ctx: CompileContext, scope: ExprScope, call: CallNode, fn: FunctionValue): SqlExpr {
  if (fn.body.kind === 'Pipeline') throw ctx.error('type-mismatch', 'function-is-tabular', { name: call.name }, call.pos);
  const args = call.args.map((a) => ctx.compile.expr(ctx, scope, a));
  const body = fn.body;
  return withArguments(ctx, fn, call.name, args, call.pos, () => ctx.compile.expr(ctx, { columns: [], aggregates: false }, body));
}

/** A tabular function called as a source: `F(3) | ...`. */
export function compileUserTable(
  ctx: CompileContext,
  name: string,
  fn: FunctionValue,
  argNodes: readonly ExprNode[],
  pos: number,
): SelectState {
  if (fn.body.kind !== 'Pipeline') throw ctx.error('type-mismatch', 'function-is-scalar', { name }, pos);
  const args = argNodes.map((a) => ctx.compile.expr(ctx, { columns: [], aggregates: false }, a));
  const body: PipelineNode = fn.body;
  return withArguments(ctx, fn, name, args, pos, () => ctx.compile.pipeline(ctx, body));
}

/** toscalar(T): the first column of T's first row. */
export function compileToScalar(ctx: CompileContext, node: ToScalarNode): SqlExpr {
  const s = ctx.compile.pipeline(ctx, node.pipeline);
  const first = s.columns[0];
  if (!first) throw ctx.error('invalid-argument', 'toscalar-column', {}, node.pos);
  const alias = ctx.alias('s');
  return atom(`(SELECT ${ctx.q(first.name)} FROM (${toSql(ctx, s)}) AS ${alias} LIMIT 1)`, first.type);
}
