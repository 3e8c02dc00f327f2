/** `parse [kind=regex] expr with "lit" Col:type * ...`, and `parse-where` (rows that do not match are dropped). */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode } from './node.js';

/** One part of a parse pattern: a literal, a column to extract, or `*` (skip). */
export type ParsePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'column'; readonly name: string; readonly type: ColumnType; readonly pos: number }
  | { readonly kind: 'star' };

/** String parsing into new columns. */
export interface ParseNode {
  readonly kind: 'Parse';
  readonly source: ExprNode;
  readonly parts: readonly ParsePart[];
  /** simple: the text parts are literal; regex: they are regular expressions. */
  readonly mode: 'simple' | 'regex';
  /** parse-where: keep only the rows whose text matches. */
  readonly filter: boolean;
  readonly pos: number;
}
