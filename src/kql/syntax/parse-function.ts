/** Parses user-defined functions of let statements: `let f = (x:long, s:string) { body };`. */
import type { FunctionValue } from '../ast/index.js';
import type { ExpressionParser, PipelineParser } from './parse-expression.js';
import { typeName } from './parse-type.js';
import { startsPipeline } from './starts-pipeline.js';
import type { TokenStream } from './token-stream.js';

/** Whether the cursor (after `let f =`) starts a function: `()` or `(name:`. */
export function startsFunction(ts: TokenStream): boolean {
  if (!ts.isPunct('(')) return false;
  if (ts.isPunct(')', 1)) return ts.isPunct('{', 2);
  const name = ts.peek(1);
  return (name.kind === 'ident' || name.kind === 'bracketed') && ts.isPunct(':', 2);
}

/** `(params) { body }`, the cursor at '('. */
export function parseFunction(ts: TokenStream, ex: ExpressionParser, pipeline: PipelineParser): FunctionValue {
  const pos = ts.expectPunct('(').offset;
  const params: { name: string; type: ReturnType<typeof typeName>; pos: number }[] = [];
  if (!ts.isPunct(')')) {
    do {
      const name = ts.expectName('parameter-name');
      ts.expectPunct(':');
      if (ts.isPunct('(')) throw ts.error('tabular-parameters', {});
      params.push({ name: name.text, type: typeName(ts), pos: name.offset });
      if (ts.isPunct('=')) throw ts.error('default-parameter-values', {});
    } while (ts.acceptPunct(','));
  }
  ts.expectPunct(')');
  ts.expectPunct('{');
  if (ts.isWord('let')) throw ts.error('let-in-function-body', {});
  const body = startsPipeline(ts) ? pipeline(ts) : ex.expression();
  ts.expectPunct('}');
  return { kind: 'Function', params, body, pos };
}
