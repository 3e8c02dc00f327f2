/**
 * KQL string operators with KQL semantics: `has` matches whole terms (runs of Unicode letters and digits)
 * case-insensitively, `contains` is a case-insensitive substring test, `_cs` variants are case-sensitive.
 * Needles are bound; the SQL pairs a cheap substring prefilter with the term regex.
 */
import type { BinaryNode, InNode } from '../ast/index.js';
import { comparable } from '../semantic/types.js';
import { fromDynamic } from './dynamic-values.js';
import type { CompileContext } from './context.js';
import { atom, expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

const PREDICATES = new Set([
  'has',
  'has_cs',
  'hasprefix',
  'hassuffix',
  'contains',
  'contains_cs',
  'startswith',
  'startswith_cs',
  'endswith',
  'endswith_cs',
  'matches regex',
]);

/** Whether `op` (possibly negated with '!') is a string predicate. */
export function isStringPredicate(op: string): boolean {
  return PREDICATES.has(op.startsWith('!') ? op.slice(1) : op);
}

const ALNUM = '[\\p{L}\\p{N}]';
const NOT_ALNUM = '[^\\p{L}\\p{N}]';

/** RE2 pattern text matching `s` literally. */
export function escapeRegex(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Term pattern for `has`: boundaries only where the needle itself starts/ends with a letter or digit. */
export function termPattern(needle: string, prefix = true, suffix = true): string {
  const startsAlnum = new RegExp(`^${ALNUM}`, 'u').test(needle);
  const endsAlnum = new RegExp(`${ALNUM}$`, 'u').test(needle);
  const before = prefix && startsAlnum ? `(?:^|${NOT_ALNUM})` : '';
  const after = suffix && endsAlnum ? `(?:${NOT_ALNUM}|$)` : '';
  return `${before}${escapeRegex(needle)}${after}`;
}

/** Whether a LIKE pattern can carry `s` without escaping. */
function likeSafe(s: string): boolean {
  return !/[%_\\]/.test(s);
}

function stringOperand(ctx: CompileContext, e: SqlExpr, op: string, pos: number): SqlExpr {
  if (e.type === 'string') return e;
  if (e.type === 'dynamic') return fromDynamic(ctx, e, 'string');
  throw ctx.error('type-mismatch', 'needs-string-operands', { op, type: e.type }, pos);
}

/** Compile `left <op> right` for the string predicates. */
export function compileStringPredicate(ctx: CompileContext, node: BinaryNode, leftIn: SqlExpr, rightIn: SqlExpr): SqlExpr {
  const negated = node.op.startsWith('!');
  const op = negated ? node.op.slice(1) : node.op;
  const left = stringOperand(ctx, leftIn, node.op, node.pos);
  const right = stringOperand(ctx, rightIn, node.op, node.pos);
  const positive = predicate(ctx, op, left, right, node.pos);
  return negated ? expr(`NOT (${positive.sql})`, 'bool', positive.aggregate) : positive;
}

function predicate(ctx: CompileContext, op: string, x: SqlExpr, y: SqlExpr, pos: number): SqlExpr {
  const fn = ctx.dialect.fn;
  const agg = Boolean(x.aggregate || y.aggregate);
  const needle = y.constant && typeof y.constant.value === 'string' ? y.constant.value : undefined;
  const lowerX = fn.lower(x.sql);
  const bind = (s: string): string => ctx.param(s, 'string');
  switch (op) {
    case 'contains':
      return atom(fn.containsCs(lowerX, needle !== undefined ? bind(needle.toLowerCase()) : fn.lower(y.sql)), 'bool', agg);
    case 'contains_cs':
      return atom(fn.containsCs(x.sql, y.sql), 'bool', agg);
    case 'startswith':
    case 'endswith': {
      if (needle !== undefined && likeSafe(needle)) {
        return expr(fn.ilike(operand(x), bind(op === 'startswith' ? `${needle}%` : `%${needle}`)), 'bool', agg);
      }
      const n = needle !== undefined ? bind(needle.toLowerCase()) : fn.lower(y.sql);
      return atom(op === 'startswith' ? fn.startsWithCs(lowerX, n) : fn.endsWithCs(lowerX, n), 'bool', agg);
    }
    case 'startswith_cs':
      return atom(fn.startsWithCs(x.sql, y.sql), 'bool', agg);
    case 'endswith_cs':
      return atom(fn.endsWithCs(x.sql, y.sql), 'bool', agg);
    case 'matches regex':
      if (needle === undefined) throw ctx.error('unsupported', 'constant-pattern', {}, pos);
      return atom(fn.regexMatches(x.sql, bind(needle)), 'bool', agg);
    default: {
      if (needle === undefined) throw ctx.error('unsupported', 'constant-string-right', { op }, pos);
      if (needle === '') return atom(ctx.dialect.fn.bool(true), 'bool');
      const cs = op === 'has_cs';
      const pattern = termPattern(needle, op !== 'hassuffix', op !== 'hasprefix');
      const prefilter = cs ? fn.containsCs(x.sql, bind(needle)) : fn.containsCs(lowerX, bind(needle.toLowerCase()));
      return expr(`${prefilter} AND ${fn.regexMatches(x.sql, bind(`${cs ? '' : '(?i)'}${pattern}`))}`, 'bool', agg);
    }
  }
}

/** `in`, `!in`, `in~`, `!in~`, `has_any`, `has_all` against compiled list values. */
export function compileSetTest(ctx: CompileContext, node: InNode, leftIn: SqlExpr, values: readonly SqlExpr[]): SqlExpr {
  const fn = ctx.dialect.fn;
  const op = node.op;
  if (op === 'has_any' || op === 'has_all') {
    const left = stringOperand(ctx, leftIn, op, node.pos);
    const needles = values.map((v) => {
      if (!v.constant || typeof v.constant.value !== 'string') throw ctx.error('unsupported', 'constant-strings', { op }, node.pos);
      return v.constant.value;
    });
    if (needles.length === 0) return atom(ctx.dialect.fn.bool(op !== 'has_any'), 'bool');
    if (needles.length > SHORT_TERM_LIST) return manyTerms(ctx, op, left, needles, node.pos);
    if (op === 'has_all') {
      const parts = needles.map((n) => predicate(ctx, 'has', left, { ...atom('', 'string'), constant: { value: n } }, node.pos).sql);
      return expr(parts.join(' AND '), 'bool', left.aggregate);
    }
    if (needles.includes('')) return atom(ctx.dialect.fn.bool(true), 'bool');
    const pattern = `(?i)(?:${needles.map((n) => termPattern(n)).join('|')})`;
    return atom(fn.regexMatches(left.sql, ctx.param(pattern, 'string')), 'bool', left.aggregate);
  }
  const negated = op.startsWith('!');
  const insensitive = op.endsWith('~');
  if (values.length === 0) return atom(ctx.dialect.fn.bool(negated), 'bool');
  let left = leftIn;
  for (const v of values) {
    if (left.type === 'dynamic' && v.type !== 'dynamic') left = fromDynamic(ctx, left, v.type);
    if (!comparable(left.type, v.type))
      throw ctx.error('type-mismatch', 'cannot-compare-in', { left: leftIn.type, right: v.type, op }, node.pos);
  }
  if (insensitive && left.type !== 'string') throw ctx.error('type-mismatch', 'compares-strings-one', { op, type: left.type }, node.pos);
  const items = values.map((v) => {
    if (!insensitive) return v.sql;
    if (v.constant && typeof v.constant.value === 'string') return ctx.param(v.constant.value.toLowerCase(), 'string');
    return fn.lower(v.sql);
  });
  const lhs = insensitive ? fn.lower(left.sql) : operand(left);
  return expr(`${lhs} ${negated ? 'NOT IN' : 'IN'} (${items.join(', ')})`, 'bool', left.aggregate);
}

/** has_any/has_all lists up to this long compile to term regexes; longer ones test the string's terms as a list. */
const SHORT_TERM_LIST = 16;
/** Needles of a long list that are not single terms ("a.b", "two words") are matched by regexes of this many each. */
const REGEX_CHUNK = 50;
/** At most this many such needles in one has_all (each is a regex of its own). */
const MAX_PHRASES_ALL = 256;

/**
 * A long has_any/has_all list: single-term needles are looked up in the string's term list (one split per row,
 * however long the list; one alternation of thousands of terms is too large for RE2), other needles by regexes.
 */
function manyTerms(ctx: CompileContext, op: 'has_any' | 'has_all', left: SqlExpr, needles: readonly string[], pos: number): SqlExpr {
  const fn = ctx.dialect.fn;
  const single = new RegExp(`^${ALNUM}+$`, 'u');
  const terms = [...new Set(needles.filter((n) => single.test(n)).map((n) => n.toLowerCase()))];
  const phrases = needles.filter((n) => !single.test(n));
  if (op === 'has_any' && phrases.includes('')) return atom(fn.bool(true), 'bool');
  const parts: string[] = [];
  if (terms.length > 0) {
    const list = fn.list(terms.map((t) => ctx.param(t, 'string')));
    parts.push(op === 'has_any' ? fn.listHasAny(fn.terms(left.sql), list) : fn.listHasAll(fn.terms(left.sql), list));
  }
  if (op === 'has_all') {
    if (phrases.length > MAX_PHRASES_ALL) {
      throw ctx.error('too-complex', 'has-all-too-many', { max: MAX_PHRASES_ALL, count: phrases.length }, pos);
    }
    for (const p of phrases)
      if (p !== '') parts.push(predicate(ctx, 'has', left, { ...atom('', 'string'), constant: { value: p } }, pos).sql);
    return parts.length === 0 ? atom(fn.bool(true), 'bool') : expr(parts.join(' AND '), 'bool', left.aggregate);
  }
  for (let i = 0; i < phrases.length; i += REGEX_CHUNK) {
    const pattern = `(?i)(?:${phrases
      .slice(i, i + REGEX_CHUNK)
      .map((n) => termPattern(n))
      .join('|')})`;
    parts.push(fn.regexMatches(left.sql, ctx.param(pattern, 'string')));
  }
  return expr(parts.join(' OR '), 'bool', left.aggregate);
}
