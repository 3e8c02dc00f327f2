/** Parses KQL type names (string, long, ...) and `to typeof(T)`. */
import type { ColumnType } from '../../schema/index.js';
import { own } from '../own.js';
import type { TokenStream } from './token-stream.js';

/** KQL's type names and their aliases, with the column type each stands for. */
export const TYPE_NAMES: Readonly<Record<string, ColumnType>> = {
  string: 'string',
  long: 'long',
  int: 'int',
  real: 'real',
  double: 'real',
  bool: 'bool',
  boolean: 'bool',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  dynamic: 'dynamic',
};

/** An optional `to typeof(T)` (mv-expand, mv-apply). */
export function toTypeOf(ts: TokenStream): ColumnType | undefined {
  if (!ts.acceptWord('to')) return undefined;
  ts.expectWord('typeof');
  ts.expectPunct('(');
  const type = typeName(ts);
  ts.expectPunct(')');
  return type;
}

/** A type name such as string or long. */
export function typeName(ts: TokenStream): ColumnType {
  const t = ts.expectName('type-name');
  const type = own(TYPE_NAMES, t.text);
  if (!type) throw ts.error('unknown-type', { name: t.text }, t.offset);
  return type;
}
