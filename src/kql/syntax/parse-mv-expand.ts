/** Parses `mv-expand` and the clauses mv-expand and mv-apply share (`with_itemindex=`, `limit`). */
import type { MvExpandItem, OperatorNode } from '../ast/index.js';
import type { ExpressionParser } from './parse-expression.js';
import { toTypeOf } from './parse-type.js';
import type { TokenStream } from './token-stream.js';

/** `with_itemindex=Name` when present. */
export function parseItemIndex(ts: TokenStream): string | undefined {
  if (!ts.isWord('with_itemindex') || !ts.isPunct('=', 1)) return undefined;
  ts.next();
  ts.next();
  return ts.expectName('item-index-column').text;
}

/** `limit N` when present: a whole number of rows. */
export function parseRowLimit(ts: TokenStream): number | undefined {
  if (!ts.acceptWord('limit')) return undefined;
  const t = ts.next();
  if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw ts.error('limit-rows', {}, t.offset);
  return Number(t.text);
}

/** The arrays of mv-expand or mv-apply: `[name =] expr [to typeof(T)], ...`. */
export function parseExpandItems(ts: TokenStream, ex: ExpressionParser): MvExpandItem[] {
  const items: MvExpandItem[] = [];
  do items.push({ column: ex.assignment(), toType: toTypeOf(ts) });
  while (ts.acceptPunct(','));
  return items;
}

/** `mv-expand [kind=bag|array] [with_itemindex=I] items [limit N]`. */
export function parseMvExpand(ts: TokenStream, ex: ExpressionParser, pos: number): OperatorNode {
  let bagExpansion: 'bag' | 'array' = 'bag';
  while ((ts.isWord('kind') || ts.isWord('bagexpansion')) && ts.isPunct('=', 1)) {
    const at = ts.next().offset;
    ts.next();
    const kind = ts.expectName('expand-kind').text;
    if (kind !== 'bag' && kind !== 'array') throw ts.error('mv-expand-kind', { kind }, at);
    bagExpansion = kind;
  }
  const itemIndex = parseItemIndex(ts);
  const items = parseExpandItems(ts, ex);
  return { kind: 'MvExpand', items, itemIndex, bagExpansion, limit: parseRowLimit(ts), pos };
}
