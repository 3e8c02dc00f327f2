/**
 * `summarize` of several aggregates by one key, then `top N` (or `sort` and `take N`): the N keys are ranked first
 * with the ranking aggregates alone, and the other aggregates are computed for the rows of those keys only.
 * A per-sender status pivot over millions of senders then groups them once with one sum, not eight.
 */
import type { CompileContext } from './context.js';
import { toSql } from './select-state.js';
import type { OrderKey, SelectState } from './select-state.js';

/** Aggregates besides the ranking ones from which ranking first pays for reading the rows twice. */
const MIN_OTHER_AGGREGATES = 3;

/** `s` (a grouped SELECT about to be ordered by `orderBy` and cut to `n` rows) with its rows limited to the top keys. */
export function topKeysFirst(ctx: CompileContext, s: SelectState, orderBy: readonly OrderKey[], n: number): SelectState {
  if (!ctx.dialect.capabilities.cheapReread) return s;
  const keys = s.groupBy;
  if (keys?.length !== 1 || s.from === undefined || s.distinct || s.sealed || s.limit !== undefined) return s;
  const key = keys[0]!;
  const keyColumn = s.columns.find((c) => c.sql === key);
  if (!keyColumn) return s;
  const others = s.columns.filter((c) => c !== keyColumn && !orderBy.some((k) => k.sql === c.sql));
  if (others.length < MIN_OTHER_AGGREGATES) return s;
  const ranked = toSql(ctx, { ...s, columns: [keyColumn], orderBy, limit: n });
  // A null key is never IN a list: its rows are kept, and its group competes with the top keys in the outer ORDER BY.
  const inTop = `(${key} ${ctx.dialect.fn.inSubquery(false)} (${ranked}) OR ${key} IS NULL)`;
  return { ...s, where: [...s.where, inTop] };
}
