/** Telling a tabular expression from a scalar one at the cursor, by looking ahead a few tokens. */
import type { TokenStream } from './token-stream.js';

/** Whether the tokens from `ahead` start a tabular expression (a source, or a name piped into an operator). */
export function startsPipeline(ts: TokenStream, ahead = 0): boolean {
  const t = ts.peek(ahead);
  if (t.kind === 'ident' && (t.text === 'union' || t.text === 'print')) return true;
  if (t.kind === 'ident' && t.text === 'datatable' && ts.isPunct('(', ahead + 1)) return true;
  if (t.kind === 'ident' && t.text === 'range' && startsRange(ts, ahead)) return true;
  if (t.kind === 'punct' && t.text === '(') return startsPipeline(ts, ahead + 1);
  return (t.kind === 'ident' || t.kind === 'bracketed') && ts.isPunct('|', ahead + 1);
}

/** Whether the tokens from `ahead`, at `range`, start `range x from ...` (not the scalar function range(...)). */
export function startsRange(ts: TokenStream, ahead = 0): boolean {
  const name = ts.peek(ahead + 1);
  return (name.kind === 'ident' || name.kind === 'bracketed') && ts.isWord('from', ahead + 2);
}
