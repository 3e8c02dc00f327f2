/** Compiles scalar expressions to SQL with their KQL types; one method per expression node kind. */
import type { ColumnType } from '../../schema/index.js';
import { TABLES } from '../../schema/index.js';
import type {
  BetweenNode,
  CallNode,
  ExprNode,
  PipelineNode,
  IndexNode,
  InNode,
  LiteralNode,
  MemberNode,
  NameNode,
  StarNode,
  UnaryNode,
} from '../ast/index.js';
import type { KqlError } from '../kql-error.js';
import { MAX_LIST, MAX_SQL } from '../limits.js';
import { suggest } from '../semantic/suggest.js';
import { comparable, isNumeric } from '../semantic/types.js';
import { compileBinary, compileComparison } from './binary.js';
import { alignTicks, literalTicks, ticksConstant, toMicros } from './ticks.js';
import type { CompileContext } from './context.js';
import { compileCall } from './functions.js';
import { compileTabularValues } from './tabular-values.js';
import type { Column, OrderKey } from './select-state.js';
import { atom, expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';
import { compileSetTest } from './string-predicates.js';
import { compileToScalar } from './user-functions.js';
import { own } from '../own.js';
import type { WindowUses } from './window-functions.js';

/** What an expression can see: the columns of its input and whether aggregates are allowed. */
export interface ExprScope {
  readonly columns: readonly Column[];
  readonly aggregates: boolean;
  /** The order of the rows where window functions (row_number, prev, ...) may be used (empty: serialized, unsorted). */
  readonly order?: readonly OrderKey[];
  /** Where window calls are gathered on a dialect without window functions (extend and project only). */
  readonly windows?: WindowUses;
}

type Compilers = { [K in ExprNode['kind']]: (ctx: CompileContext, scope: ExprScope, node: Extract<ExprNode, { kind: K }>) => SqlExpr };

const COMPILERS: Compilers = {
  Literal: (ctx, _scope, node) => compileLiteral(ctx, node),
  Name: compileName,
  Binary: (ctx, scope, node) => compileBinary(ctx, node, compileExactExpr(ctx, scope, node.left), compileExactExpr(ctx, scope, node.right)),
  Unary: compileUnary,
  Call: (ctx, scope, node: CallNode) => compileCall(ctx, scope, node),
  In: compileIn,
  Between: compileBetween,
  Index: compileIndex,
  Member: compileMember,
  ToScalar: (ctx, _scope, node) => compileToScalar(ctx, node),
  Star: (ctx, _scope, node: StarNode) => {
    throw ctx.error('unsupported', 'star-not-allowed', {}, node.pos);
  },
};

/** Compile one scalar expression; a datetime or timespan in the dialect's microseconds (see ticks.ts). */
export function compileExpr(ctx: CompileContext, scope: ExprScope, node: ExprNode): SqlExpr {
  return toMicros(ctx, compileExactExpr(ctx, scope, node));
}

/** Compile one scalar expression; a datetime or timespan with a digit below the microsecond stays in ticks. */
export function compileExactExpr(ctx: CompileContext, scope: ExprScope, node: ExprNode): SqlExpr {
  const e = (COMPILERS[node.kind] as (c: CompileContext, s: ExprScope, n: ExprNode) => SqlExpr)(ctx, scope, node);
  if (e.sql.length > MAX_SQL) throw tooLarge(ctx, node.pos);
  return e;
}

/** The error for a query whose SQL would pass MAX_SQL. */
export function tooLarge(ctx: CompileContext, pos: number): KqlError {
  return ctx.error('too-complex', 'sql-too-large', { millions: MAX_SQL / 1e6 }, pos);
}

/** Compile a predicate, which must be bool. */
export function compilePredicate(ctx: CompileContext, scope: ExprScope, node: ExprNode): SqlExpr {
  const e = compileExpr(ctx, scope, node);
  if (e.type !== 'bool') throw ctx.error('type-mismatch', 'expected-bool', { type: e.type }, node.pos);
  return e;
}

/** A literal: strings, datetimes and dynamic values are bound; numbers and timespans are inlined. */
export function compileLiteral(ctx: CompileContext, node: Pick<LiteralNode, 'type' | 'value' | 'tick' | 'digits'>): SqlExpr {
  const { type, value } = node;
  const constant = { value };
  const fn = ctx.dialect.fn;
  if (value === null) return { ...atom(fn.cast('NULL', type), type), constant };
  if (node.tick) {
    // A digit below the microsecond: the value as ticks.
    const ticks = type === 'datetime' ? literalTicks(value as number, node.tick) : BigInt(value as number) * 10n + BigInt(node.tick);
    return ticksConstant(ctx, type, ticks);
  }
  switch (type) {
    case 'string':
    case 'datetime':
      return { ...atom(ctx.param(value, type), type), constant };
    case 'dynamic':
      return { ...atom(ctx.param(JSON.stringify(value), 'dynamic'), type), constant };
    case 'bool':
      return { ...atom(ctx.dialect.fn.bool(Boolean(value)), type), constant };
    case 'timespan':
      return { ...atom(fn.intervalMicros(value as number), type), constant };
    default:
      return { ...atom(node.digits ?? numberSql(value as number, type), type), constant };
  }
}

/** A number as SQL text; only finite numbers reach SQL. */
export function numberSql(n: number, type: ColumnType): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (type === 'real') return Number.isInteger(n) ? `${n}.0` : String(n);
  return String(Math.trunc(n));
}

function compileName(ctx: CompileContext, scope: ExprScope, node: NameNode): SqlExpr {
  const col = scope.columns.find((c) => c.name === node.name);
  if (col) return { sql: col.sql, type: col.type, atomic: col.atomic, ...(col.ticks ? { ticks: true } : {}) };
  const binding = ctx.bindings.get(node.name);
  if (binding?.kind === 'scalar') {
    binding.compiled ??= compileExactExpr(ctx, { columns: [], aggregates: false }, binding.expr);
    return binding.compiled;
  }
  if (binding) throw ctx.error('type-mismatch', 'tabular-not-scalar', { name: node.name }, node.pos);
  const names = [...scope.columns.map((c) => c.name), ...[...ctx.bindings].filter(([, b]) => b.kind === 'scalar').map(([n]) => n)];
  throw ctx.error('unknown-column', 'unknown-column', { name: node.name, suggestion: suggest(node.name, names) }, node.pos);
}

function compileUnary(ctx: CompileContext, scope: ExprScope, node: UnaryNode): SqlExpr {
  const e = compileExactExpr(ctx, scope, node.operand);
  if (!isNumeric(e.type) && e.type !== 'timespan') throw ctx.error('type-mismatch', 'cannot-negate', { type: e.type }, node.pos);
  if (node.op === '+') return e;
  if (e.constant && typeof e.constant.value === 'number') return compileLiteral(ctx, { type: e.type, value: -e.constant.value });
  return { ...expr(`-${operand(e)}`, e.type, e.aggregate), ...(e.ticks ? { ticks: true } : {}) };
}

function compileIn(ctx: CompileContext, scope: ExprScope, node: InNode): SqlExpr {
  const exact = compileExactExpr(ctx, scope, node.expr);
  const left = toMicros(ctx, exact);
  let tabular = Array.isArray(node.values) ? undefined : (node.values as PipelineNode);
  const only = Array.isArray(node.values) && node.values.length === 1 ? (node.values[0] as ExprNode) : undefined;
  if (only?.kind === 'Name' && !scope.columns.some((c) => c.name === only.name)) {
    const b = ctx.bindings.get(only.name);
    if (b?.kind === 'tabular' || b?.kind === 'rows' || (!b && own(TABLES, only.name))) {
      tabular = { kind: 'Pipeline', source: { kind: 'TableRef', name: only.name, pos: only.pos }, operators: [], pos: only.pos };
    }
  }
  if (tabular && (node.op === 'in' || node.op === '!in' || node.op === 'in~' || node.op === '!in~')) {
    const sub = compileTabularValues(ctx, tabular, node.pos);
    if (!comparable(left.type, sub.type)) {
      throw ctx.error('type-mismatch', 'cannot-compare-values', { left: left.type, right: sub.type }, node.pos);
    }
    const lhs = node.op.endsWith('~') ? ctx.dialect.fn.lower(left.sql) : operand(left);
    const rhs = node.op.endsWith('~') ? `SELECT ${ctx.dialect.fn.lower('v')} FROM (${sub.sql}) AS ${ctx.alias('v')}(v)` : sub.sql;
    return expr(`${lhs} ${ctx.dialect.fn.inSubquery(node.op.startsWith('!'))} (${rhs})`, 'bool', left.aggregate);
  }
  if (tabular) throw ctx.error('unsupported', 'constant-string-list', { op: node.op }, node.pos);
  const values = (node.values as readonly ExprNode[]).flatMap((v) => expandList(ctx, scope, v));
  if (values.length > MAX_LIST) {
    throw ctx.error('too-complex', 'list-too-long', { op: node.op, max: MAX_LIST, count: values.length }, node.pos);
  }
  // A datetime or timespan in ticks (ticks.ts) on either side: all compared in ticks.
  const [l, ...vs] = alignTicks(ctx, [exact, ...values]);
  return compileSetTest(ctx, node, l!, vs);
}

/** A list element; a dynamic array literal (or let bound to one) contributes its elements. */
function expandList(ctx: CompileContext, scope: ExprScope, v: ExprNode): SqlExpr[] {
  const e = compileExactExpr(ctx, scope, v);
  if (e.type === 'dynamic' && e.constant && Array.isArray(e.constant.value)) {
    return e.constant.value.map((item) => compileLiteral(ctx, literalOf(ctx, item, v.pos)));
  }
  return [e];
}

function literalOf(ctx: CompileContext, value: unknown, pos: number): Pick<LiteralNode, 'type' | 'value'> {
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'long' : 'real', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  throw ctx.error('unsupported', 'list-elements', {}, pos);
}

function compileBetween(ctx: CompileContext, scope: ExprScope, node: BetweenNode): SqlExpr {
  const e = compileExactExpr(ctx, scope, node.expr);
  const low = compileExactExpr(ctx, scope, node.low);
  let high = compileExactExpr(ctx, scope, node.high);
  // KQL: `datetime between (start .. 1d)` means start .. start+1d.
  if (e.type === 'datetime' && high.type === 'timespan') {
    high = compileBinary(ctx, { kind: 'Binary', op: '+', left: node.low, right: node.high, pos: node.pos }, low, high);
  }
  for (const b of [low, high]) {
    if (!comparable(e.type, b.type) || e.type === 'bool' || e.type === 'dynamic') {
      throw ctx.error('type-mismatch', 'between-types', { type: e.type, bound: b.type }, node.pos);
    }
  }
  let between: string;
  if (e.ticks || low.ticks || high.ticks) {
    // Two comparisons, each exact between ticks and microseconds (ticks.ts).
    const compare = (op: string, bound: SqlExpr) =>
      compileComparison(ctx, { kind: 'Binary', op, left: node.expr, right: node.low, pos: node.pos }, e, bound);
    between = `${operand(compare('>=', low))} AND ${operand(compare('<=', high))}`;
  } else between = `${operand(e)} BETWEEN ${operand(low)} AND ${operand(high)}`;
  // NOT (... BETWEEN ...): ClickHouse 18.16 has no NOT BETWEEN.
  return expr(node.negated ? `NOT (${between})` : between, 'bool', e.aggregate);
}

function compileIndex(ctx: CompileContext, scope: ExprScope, node: IndexNode): SqlExpr {
  const target = compileExpr(ctx, scope, node.target);
  if (target.type !== 'dynamic') throw ctx.error('type-mismatch', 'index-needs-dynamic', { type: target.type }, node.pos);
  const index = compileExpr(ctx, scope, node.index);
  const value = index.constant?.value;
  let path: string;
  if (typeof value === 'number' && Number.isInteger(value)) path = value < 0 ? `$[#${value}]` : `$[${value}]`;
  else if (typeof value === 'string') path = `$.${JSON.stringify(value)}`;
  else throw ctx.error('unsupported', 'constant-index', {}, node.index.pos);
  return atom(ctx.dialect.fn.jsonExtract(target.sql, ctx.param(path, 'string')), 'dynamic', target.aggregate);
}

function compileMember(ctx: CompileContext, scope: ExprScope, node: MemberNode): SqlExpr {
  const target = compileExpr(ctx, scope, node.target);
  if (target.type !== 'dynamic') throw ctx.error('type-mismatch', 'member-needs-dynamic', { name: node.name, type: target.type }, node.pos);
  return atom(ctx.dialect.fn.jsonExtract(target.sql, ctx.param(`$.${JSON.stringify(node.name)}`, 'string')), 'dynamic', target.aggregate);
}
