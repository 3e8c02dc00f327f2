/** Infix operators: logic, arithmetic on numbers/datetimes/timespans, comparisons, and the string operators. */
import type { BinaryNode } from '../ast/index.js';
import { comparable, isInteger, isNumeric, numericResult } from '../semantic/types.js';
import type { CompileContext } from './context.js';
import { expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';
import { fromDynamic } from './dynamic-values.js';
import { alignTicks, compareAcross, ticksExpr, toTicks } from './ticks.js';
import type { ColumnType } from '../../schema/index.js';
import { compileStringPredicate, isStringPredicate } from './string-predicates.js';

/** Compile `left op right` given both compiled operands. */
export function compileBinary(ctx: CompileContext, node: BinaryNode, left: SqlExpr, right: SqlExpr): SqlExpr {
  const op = node.op;
  const aggregate = Boolean(left.aggregate || right.aggregate);
  if (op === 'and' || op === 'or') {
    for (const [side, e] of [
      ['left', left],
      ['right', right],
    ] as const) {
      if (e.type !== 'bool') throw ctx.error('type-mismatch', 'logical-needs-bool', { op, side, type: e.type }, node.pos);
    }
    return expr(`${operand(left)} ${op.toUpperCase()} ${operand(right)}`, 'bool', aggregate);
  }
  if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') return arithmetic(ctx, node, left, right, aggregate);
  if (isStringPredicate(op)) return compileStringPredicate(ctx, node, left, right);
  return comparison(ctx, node, left, right, aggregate);
}

function arithmetic(ctx: CompileContext, node: BinaryNode, l: SqlExpr, r: SqlExpr, aggregate: boolean): SqlExpr {
  const { op } = node;
  const fn = ctx.dialect.fn;
  if (isNumeric(l.type) && isNumeric(r.type)) {
    const type = numericResult(l.type, r.type);
    // KQL integer division truncates toward zero, like C#.
    if (op === '/' && isInteger(type)) return { ...expr(fn.intDivide(operand(l), operand(r)), type, aggregate), atomic: true };
    // Kusto's % of integers takes the sign of the divisor (-7 % 3 is 2), as a floored modulo does.
    if (op === '%' && isInteger(type)) return expr(`((${operand(l)} % ${operand(r)}) + ${operand(r)}) % ${operand(r)}`, type, aggregate);
    return expr(`${operand(l)} ${op} ${operand(r)}`, type, aggregate);
  }
  // A timespan divided, or multiplied by a real, has ticks (1ms / 3 is 3333 ticks): computed in them.
  const scaled = op === '/' ? l.type === 'timespan' && isNumeric(r.type) : op === '*' && [l.type, r.type].sort().join() === 'real,timespan';
  if (l.ticks || r.ticks || scaled) return ticksArithmetic(ctx, node, l, r, aggregate);
  const t = `${l.type} ${op} ${r.type}`;
  switch (t) {
    case 'datetime + timespan':
    case 'datetime - timespan':
    case 'timespan + timespan':
    case 'timespan - timespan':
      if (
        l.constant &&
        r.constant &&
        typeof l.constant.value === 'number' &&
        typeof r.constant.value === 'number' &&
        l.type === 'datetime'
      ) {
        const ms = l.constant.value + (op === '+' ? 1 : -1) * (r.constant.value / 1000);
        return { ...expr(ctx.param(ms, 'datetime'), 'datetime'), atomic: true, constant: { value: ms } };
      }
      return expr(`${operand(l)} ${op} ${operand(r)}`, l.type, aggregate);
    case 'timespan + datetime':
      return expr(`${operand(r)} + ${operand(l)}`, 'datetime', aggregate);
    case 'datetime - datetime':
      return expr(`${operand(l)} - ${operand(r)}`, 'timespan', aggregate);
    case 'timespan * int':
    case 'timespan * long':
      return expr(fn.microsToInterval(`${fn.intervalToMicros(l.sql)} * ${operand(r)}`), 'timespan', aggregate);
    case 'int * timespan':
    case 'long * timespan':
      return expr(fn.microsToInterval(`${operand(l)} * ${fn.intervalToMicros(r.sql)}`), 'timespan', aggregate);
    case 'timespan / timespan':
      return expr(`${fn.intervalToMicros(l.sql)} / ${fn.intervalToMicros(r.sql)}`, 'real', aggregate);
    default:
      throw ctx.error('type-mismatch', 'cannot-apply', { op, left: l.type, right: r.type }, node.pos);
  }
}

/** Arithmetic where a datetime or timespan operand is in ticks: integers of ticks throughout (see ticks.ts). */
function ticksArithmetic(ctx: CompileContext, node: BinaryNode, l: SqlExpr, r: SqlExpr, aggregate: boolean): SqlExpr {
  const { op } = node;
  const fn = ctx.dialect.fn;
  const ticks = (sql: string, type: ColumnType): SqlExpr => ticksExpr(sql, type, aggregate);
  const [a, b] = alignTicks(ctx, [l, r]) as [SqlExpr, SqlExpr];
  const scaled = (timespan: SqlExpr, n: SqlExpr, how: '*' | '/'): SqlExpr => {
    const span = toTicks(ctx, timespan);
    if (isInteger(n.type)) {
      return ticks(how === '*' ? `${operand(span)} * ${operand(n)}` : fn.intDivide(operand(span), operand(n)), 'timespan');
    }
    return ticks(fn.cast(`round(${operand(span)} ${how} ${operand(n)})`, 'long'), 'timespan');
  };
  switch (`${l.type} ${op} ${r.type}`) {
    case 'datetime + timespan':
    case 'datetime - timespan':
    case 'timespan + timespan':
    case 'timespan - timespan':
      return ticks(`${operand(a)} ${op} ${operand(b)}`, l.type);
    case 'timespan + datetime':
      return ticks(`${operand(b)} + ${operand(a)}`, 'datetime');
    case 'datetime - datetime':
      return ticks(`${operand(a)} - ${operand(b)}`, 'timespan');
    case 'timespan * int':
    case 'timespan * long':
    case 'timespan * real':
      return scaled(a, b, '*');
    case 'int * timespan':
    case 'long * timespan':
    case 'real * timespan':
      return scaled(b, a, '*');
    case 'timespan / int':
    case 'timespan / long':
    case 'timespan / real':
      return scaled(a, b, '/');
    case 'timespan / timespan':
      return expr(`${operand(a)} / ${operand(b)}`, 'real', aggregate);
    default:
      throw ctx.error('type-mismatch', 'cannot-apply', { op, left: l.type, right: r.type }, node.pos);
  }
}

/** `left op right` for a comparison operator (==, !=, <, ...), the operands compiled. */
export function compileComparison(ctx: CompileContext, node: BinaryNode, left: SqlExpr, right: SqlExpr): SqlExpr {
  return comparison(ctx, node, left, right, Boolean(left.aggregate || right.aggregate));
}

function comparison(ctx: CompileContext, node: BinaryNode, left: SqlExpr, right: SqlExpr, aggregate: boolean): SqlExpr {
  let op = node.op;
  const fn = ctx.dialect.fn;
  if (!comparable(left.type, right.type)) {
    throw ctx.error('type-mismatch', 'cannot-compare', { left: left.type, right: right.type, op }, node.pos);
  }
  let l = left;
  let r = right;
  // A dynamic value compares by its text with strings and by its number with numbers.
  if (l.type === 'dynamic' && r.type !== 'dynamic') l = fromDynamic(ctx, l, r.type);
  if (r.type === 'dynamic' && l.type !== 'dynamic') r = fromDynamic(ctx, r, l.type);
  if (op === '=~' || op === '!~') {
    if (l.type !== 'string' || r.type !== 'string')
      throw ctx.error('type-mismatch', 'compares-strings', { op, left: left.type, right: right.type }, node.pos);
    const rhs = r.constant && typeof r.constant.value === 'string' ? ctx.param(r.constant.value.toLowerCase(), 'string') : fn.lower(r.sql);
    return expr(`${fn.lower(l.sql)} ${op === '=~' ? '=' : '<>'} ${rhs}`, 'bool', aggregate);
  }
  if (op === '==') op = '=';
  if (Boolean(l.ticks) !== Boolean(r.ticks) && (op === '=' || op === '<' || op === '<=' || op === '>' || op === '>=')) {
    return compareAcross(ctx, op, l, r, aggregate);
  }
  [l, r] = alignTicks(ctx, [l, r]) as [SqlExpr, SqlExpr];
  if (op === '!=') {
    // KQL: null != value is true; SQL's <> would yield NULL. Strings are never null.
    if (l.type === 'string') return expr(`${operand(l)} <> ${operand(r)}`, 'bool', aggregate);
    return expr(fn.distinctFrom(operand(l), operand(r)), 'bool', aggregate);
  }
  if (!['=', '<', '<=', '>', '>='].includes(op)) throw ctx.error('unsupported', 'unsupported-operator', { op: node.op }, node.pos);
  if (l.type === 'bool' && op !== '=') throw ctx.error('type-mismatch', 'cannot-order-bool', { op }, node.pos);
  return expr(`${operand(l)} ${op} ${operand(r)}`, 'bool', aggregate);
}
