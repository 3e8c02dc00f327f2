/** Parses the sources that make rows without a table: `datatable(...)[...]` and `range x from a to b step s`. */
import type { DatatableNode, ExprNode, RangeNode } from '../ast/index.js';
import { MAX_LIST } from '../limits.js';
import { kqlError } from '../kql-error.js';
import type { ExpressionParser } from './parse-expression.js';
import { typeName } from './parse-type.js';
import { positionOf } from './position.js';
import type { TokenStream } from './token-stream.js';

/** `datatable(A:string, B:long) [ "x", 1, "y", 2 ]`, the cursor after `datatable`. */
export function parseDatatable(ts: TokenStream, ex: ExpressionParser, pos: number): DatatableNode {
  ts.expectPunct('(');
  const columns: { name: string; type: ReturnType<typeof typeName>; pos: number }[] = [];
  do {
    const name = ts.expectName('column-name');
    ts.expectPunct(':');
    columns.push({ name: name.text, type: typeName(ts), pos: name.offset });
  } while (ts.acceptPunct(','));
  ts.expectPunct(')');
  const values: ExprNode[] = [];
  const one = ts.peek();
  if (one.kind === 'bracketed') {
    // `["x"]` lexes as a bracketed name: here it is a table of one string.
    ts.next();
    values.push({ kind: 'Literal', type: 'string', value: one.text, pos: one.offset + 1 });
    if (columns.length !== 1) throw ts.error('datatable-one-value', { columns: columns.length }, one.offset);
    return { kind: 'Datatable', columns, values, pos };
  }
  ts.expectPunct('[');
  if (!ts.isPunct(']')) {
    do {
      if (ts.isPunct(']')) break; // a trailing comma
      values.push(ex.expression());
      if (values.length > MAX_LIST * columns.length) {
        throw kqlError('too-complex', 'datatable-too-long', { max: MAX_LIST }, positionOf(ts.text, ts.peek().offset));
      }
    } while (ts.acceptPunct(','));
  }
  const close = ts.expectPunct(']');
  if (values.length % columns.length !== 0) {
    throw ts.error('datatable-ragged', { columns: columns.length, values: values.length }, close.offset);
  }
  return { kind: 'Datatable', columns, values, pos };
}

/** `range x from a to b step s`, the cursor after `range`. */
export function parseRange(ts: TokenStream, ex: ExpressionParser, pos: number): RangeNode {
  const name = ts.expectName('column-name').text;
  ts.expectWord('from');
  const from = ex.expression();
  ts.expectWord('to');
  const to = ex.expression();
  ts.expectWord('step');
  const step = ex.expression();
  return { kind: 'Range', name, from, to, step, pos };
}
