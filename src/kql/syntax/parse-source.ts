/** Parses the sources that make rows without a table: `datatable(...)[...]` and `range x from a to b step s`. */
import type { DatatableNode, ExprNode, RangeNode } from '../ast/index.js';
import { MAX_LIST } from '../limits.js';
import { KqlError } from '../kql-error.js';
import type { ExpressionParser } from './parse-expression.js';
import { typeName } from './parse-type.js';
import { positionOf } from './position.js';
import type { TokenStream } from './token-stream.js';

/** `datatable(A:string, B:long) [ "x", 1, "y", 2 ]`, the cursor after `datatable`. */
export function parseDatatable(ts: TokenStream, ex: ExpressionParser, pos: number): DatatableNode {
  ts.expectPunct('(');
  const columns: { name: string; type: ReturnType<typeof typeName>; pos: number }[] = [];
  do {
    const name = ts.expectName('a column name');
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
    if (columns.length !== 1) throw ts.error(`datatable has ${columns.length} columns but 1 value`, one.offset);
    return { kind: 'Datatable', columns, values, pos };
  }
  ts.expectPunct('[');
  if (!ts.isPunct(']')) {
    do {
      if (ts.isPunct(']')) break; // a trailing comma
      values.push(ex.expression());
      if (values.length > MAX_LIST * columns.length) {
        const p = positionOf(ts.text, ts.peek().offset);
        throw new KqlError('too-complex', `datatable takes at most ${MAX_LIST} rows`, p.line, p.column);
      }
    } while (ts.acceptPunct(','));
  }
  const close = ts.expectPunct(']');
  if (values.length % columns.length !== 0) {
    throw ts.error(
      `datatable has ${columns.length} columns but ${values.length} values, which is not a whole number of rows`,
      close.offset,
    );
  }
  return { kind: 'Datatable', columns, values, pos };
}

/** `range x from a to b step s`, the cursor after `range`. */
export function parseRange(ts: TokenStream, ex: ExpressionParser, pos: number): RangeNode {
  const name = ts.expectName('a column name').text;
  ts.expectWord('from');
  const from = ex.expression();
  ts.expectWord('to');
  const to = ex.expression();
  ts.expectWord('step');
  const step = ex.expression();
  return { kind: 'Range', name, from, to, step, pos };
}
