/** One SELECT being built: operators merge into it while SQL semantics allow, else it is wrapped as a subquery. */
import type { ColumnType } from '../../schema/index.js';
import { MAX_INLINE_SQL } from '../limits.js';
import type { CompileContext } from './context.js';

/** An output column: its KQL name and type, and its SQL over the FROM clause. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly sql: string;
  readonly atomic: boolean;
  /** A datetime or timespan held as 100 ns ticks (see ticks.ts). */
  readonly ticks?: boolean;
}

/** One ORDER BY key. */
export interface OrderKey {
  readonly sql: string;
  readonly descending: boolean;
  readonly nulls: 'first' | 'last';
}

/** A SELECT under construction. */
export interface SelectState {
  /** FROM clause body (table or `(subquery) AS alias`); undefined for `print`. */
  readonly from: string | undefined;
  readonly columns: readonly Column[];
  readonly where: readonly string[];
  /** Defined once the rows are aggregated (empty for an aggregate without keys). */
  readonly groupBy: readonly string[] | undefined;
  readonly distinct: boolean;
  readonly orderBy: readonly OrderKey[];
  readonly limit: number | undefined;
  /** Columns hold set-returning expressions (mv-expand): nothing more can merge. */
  readonly sealed: boolean;
  /** The columns are exactly those of the FROM source: `SELECT *`. */
  readonly star: boolean;
  /** The KQL table read, with the filters applied in its source, when `from` is exactly that source. */
  readonly base?: { readonly table: string; readonly filters: readonly string[]; readonly from: string };
}

/** A state reading all `columns` of `from`. */
export function fromSource(
  ctx: CompileContext,
  from: string,
  columns: readonly { name: string; type: ColumnType; ticks?: boolean }[],
): SelectState {
  return {
    from,
    columns: columns.map((c) => ({ name: c.name, type: c.type, sql: ctx.q(c.name), atomic: true, ...(c.ticks ? { ticks: true } : {}) })),
    where: [],
    groupBy: undefined,
    distinct: false,
    orderBy: [],
    limit: undefined,
    sealed: false,
    star: true,
  };
}

/** Whether a row filter can be added to this SELECT. */
export function canFilter(s: SelectState): boolean {
  return s.groupBy === undefined && s.limit === undefined && !s.distinct && !s.sealed;
}

/** Whether computed columns can be added to this SELECT. */
export function canCompute(s: SelectState): boolean {
  return s.groupBy === undefined && !s.distinct && !s.sealed;
}

/** Whether an ordering can be set on this SELECT. */
export function canSort(s: SelectState): boolean {
  return s.limit === undefined && !s.distinct && !s.sealed;
}

/** The SELECT statement text. */
export function toSql(ctx: CompileContext, s: SelectState): string {
  if (ctx.dialect.capabilities.aliasesShadowColumns && shadows(ctx, s) && !(s.star && ctx.dialect.capabilities.selectStar)) {
    // Inner aliases no column has; the outer SELECT gives the KQL names (and keeps the inner order).
    const inner = { ...s, star: false, columns: s.columns.map((c, i) => ({ ...c, name: `_c${i}_${c.name}` })) };
    const outer = s.columns.map((c, i) => `${ctx.q(`_c${i}_${c.name}`)} AS ${ctx.q(c.name)}`).join(', ');
    return `SELECT ${outer} FROM (${plainSql(ctx, inner)}) AS ${ctx.alias('a')}`;
  }
  return plainSql(ctx, s);
}

/** Whether an alias of a computed column has the name of a column this SELECT reads (the alias would hide it). */
function shadows(ctx: CompileContext, s: SelectState): boolean {
  const computed = s.columns.filter((c) => c.sql !== ctx.q(c.name));
  if (computed.length === 0) return false;
  const read = [...s.columns.map((c) => c.sql), ...s.where, ...(s.groupBy ?? []), ...s.orderBy.map((k) => k.sql)].join('\n');
  return computed.some((c) => read.includes(ctx.q(c.name)));
}

/**
 * Whether `sql` has an OR outside parentheses and quotes. The first `where` of a query is kept as compiled
 * (`a OR b`); ANDed to another condition it must be parenthesised, as AND binds tighter.
 */
function hasOpenOr(sql: string): boolean {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // A quoted string or name: to its closing quote (doubled or backslash-escaped quotes stay inside).
      for (i++; i < sql.length; i++) {
        if (sql[i] === '\\') i++;
        else if (sql[i] === c) {
          if (sql[i + 1] === c) i++;
          else break;
        }
      }
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === 'O' || c === 'o') && /^or\b/i.test(sql.slice(i, i + 3)) && /\s/.test(sql[i - 1] ?? '')) return true;
  }
  return false;
}

/** The conditions of a WHERE clause, ANDed: each one with an open OR in parentheses when there are several. */
export function andWhere(where: readonly string[]): string {
  return where.map((w) => (where.length > 1 && hasOpenOr(w) ? `(${w})` : w)).join(' AND ');
}

function plainSql(ctx: CompileContext, s: SelectState): string {
  const cols =
    s.star && s.from !== undefined && ctx.dialect.capabilities.selectStar
      ? '*'
      : s.columns.map((c) => (c.sql === ctx.q(c.name) ? c.sql : `${c.sql} AS ${ctx.q(c.name)}`)).join(', ');
  let sql = `SELECT ${s.distinct ? 'DISTINCT ' : ''}${cols}`;
  if (s.from !== undefined) sql += ` FROM ${s.from}`;
  if (s.where.length > 0) sql += ` WHERE ${andWhere(s.where)}`;
  if (s.groupBy !== undefined && s.groupBy.length > 0) sql += ` GROUP BY ${s.groupBy.join(', ')}`;
  if (s.orderBy.length > 0) {
    sql += ` ORDER BY ${s.orderBy.map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nulls.toUpperCase()}`).join(', ')}`;
  }
  if (s.limit !== undefined) sql += ` LIMIT ${s.limit}`;
  return sql;
}

/** This SELECT as a subquery of a new one; its order is kept when the keys are output columns. */
export function wrap(ctx: CompileContext, s: SelectState): SelectState {
  const alias = ctx.alias();
  const orderBy: OrderKey[] = [];
  for (const k of s.orderBy) {
    const col = s.columns.find((c) => c.sql === k.sql);
    if (!col) {
      orderBy.length = 0;
      break;
    }
    orderBy.push({ ...k, sql: ctx.q(col.name) });
  }
  return { ...fromSource(ctx, `(${toSql(ctx, s)}) AS ${alias}`, s.columns), orderBy };
}

/**
 * Whether the next operator must read a column from a new SELECT layer: its SQL is too long to copy into the
 * expressions that use it (see MAX_INLINE_SQL), or it is a window function (a WHERE would run before it).
 */
export function heavy(c: Column): boolean {
  return tooLongToInline(c) || c.sql.includes(' OVER (');
}

/** Whether a column's SQL is longer than MAX_INLINE_SQL. */
export function tooLongToInline(c: Column): boolean {
  return c.sql.length > MAX_INLINE_SQL;
}

/** Wrap unless `ok` holds for the state and no column is too long to inline into the next operator. */
export function ensure(ctx: CompileContext, s: SelectState, ok: (s: SelectState) => boolean): SelectState {
  return ok(s) && !s.columns.some(heavy) ? s : wrap(ctx, s);
}
