/** Scalar functions of the subset, with their argument checks; aggregates are delegated to aggregates.ts. */
import type { ColumnType } from '../../schema/index.js';
import type { CallNode } from '../ast/index.js';
import { suggest } from '../semantic/suggest.js';
import { isNumeric } from '../semantic/types.js';
import { AGGREGATE_NAMES, compileAggregateCall } from './aggregates.js';
import { fromDynamic } from './dynamic-values.js';
import { constNumber, constString, want } from './arguments.js';
import type { ScalarFunction } from './arguments.js';
import type { CompileContext } from './context.js';
import type { ExprScope } from './expression.js';
import { TYPE_NAMES } from '../syntax/parse-type.js';
import { FORMAT_TIMESPAN } from './format-timespan.js';
import { SIMPLE_FUNCTIONS } from './simple-functions.js';
import { MULTI_COLUMN_FUNCTIONS, SERIES_FUNCTIONS } from './series-functions.js';
import { TIME_FUNCTIONS } from './time-functions.js';
import { EXACT_ARGUMENTS, TICK_FUNCTIONS } from './tick-functions.js';
import { alignTicks, ticksExpr, ticksKustoText, ticksTimespanText, toTicks } from './ticks.js';
import { ZONE_FUNCTIONS } from './zone-functions.js';
import { compileWindowCall, WINDOW_FUNCTIONS } from './window-functions.js';
import { compileUserCall } from './user-functions.js';
import { atom, expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';
import { own } from '../own.js';

const PRIVATE_IPV4 = '^(?:10|172[.](?:1[6-9]|2[0-9]|3[01])|192[.]168)(?:[.](?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){2,3}$';

/** Compile any call: scalar function, or aggregate where the scope allows. */
export function compileCall(ctx: CompileContext, scope: ExprScope, call: CallNode): SqlExpr {
  const user = ctx.bindings.get(call.name);
  if (user?.kind === 'function') return compileUserCall(ctx, scope, call, user.fn);
  if (AGGREGATE_NAMES.has(call.name)) {
    if (!scope.aggregates) throw ctx.error('unsupported', 'aggregate-outside-summarize', { name: call.name }, call.pos);
    return compileAggregateCall(ctx, scope, call);
  }
  if (call.name === 'typeof') return typeOf(ctx, call);
  if (WINDOW_FUNCTIONS.has(call.name)) return compileWindowCall(ctx, scope, call);
  if (own(MULTI_COLUMN_FUNCTIONS, call.name)) throw ctx.error('invalid-argument', 'several-columns-alone', { name: call.name }, call.pos);
  const f = own(SCALAR_FUNCTIONS, call.name);
  if (!f) {
    const names = [...Object.keys(SCALAR_FUNCTIONS), ...AGGREGATE_NAMES, ...WINDOW_FUNCTIONS.keys()];
    throw ctx.error('unknown-function', 'unknown-function', { name: call.name, suggestion: suggest(call.name, names) }, call.pos);
  }
  if (call.args.length < f.min || call.args.length > f.max) {
    const [name, given] = [call.name, call.args.length];
    throw f.min === f.max
      ? ctx.error('invalid-argument', 'argument-count', { name, count: String(f.min), given }, call.pos)
      : f.max === Infinity
        ? ctx.error('invalid-argument', 'argument-count-at-least', { name, min: f.min, given }, call.pos)
        : ctx.error('invalid-argument', 'argument-count-range', { name, min: f.min, max: f.max, given }, call.pos);
  }
  const exact = EXACT_ARGUMENTS.has(call.name) ? ctx.compile.exactExpr : ctx.compile.expr;
  const args = call.args.map((a) => exact(ctx, scope, a));
  return f.compile(ctx, args, call);
}

const agg = (...args: readonly SqlExpr[]): boolean => args.some((a) => a.aggregate);

/** KQL's tostring(): never null ('' for null), datetimes in ISO 8601. */
export function toStringSql(ctx: CompileContext, e: SqlExpr): SqlExpr {
  const fn = ctx.dialect.fn;
  switch (e.type) {
    case 'string':
      return e;
    case 'dynamic':
      return fromDynamic(ctx, e, 'string');
    case 'datetime': {
      if (e.ticks) return atom(`coalesce(${ticksKustoText(ctx, e.sql)}, '')`, 'string', e.aggregate);
      // Kusto's text: whole seconds end in Z; a fraction is written with its 7 digits (the 7th 0: microseconds).
      const us = fn.timestampToMicros(e.sql);
      const frac = `((${us} % ${fn.integer(1_000_000)} + ${fn.integer(1_000_000)}) % ${fn.integer(1_000_000)})`;
      const text = `CASE WHEN ${frac} = 0 THEN ${fn.formatDatetime(e.sql, '%Y-%m-%dT%H:%M:%SZ')} ELSE ${fn.concat([fn.formatDatetime(e.sql, '%Y-%m-%dT%H:%M:%S.'), fn.padLeft(`${frac} * 10`, 7), "'Z'"])} END`;
      return atom(`coalesce(${text}, '')`, 'string', e.aggregate);
    }
    case 'timespan':
      return atom(`coalesce(${e.ticks ? ticksTimespanText(ctx, e.sql) : fn.timespanText(e.sql)}, '')`, 'string', e.aggregate);
    case 'bool':
      // .NET spells booleans True and False.
      return atom(`CASE WHEN ${e.sql} THEN 'True' WHEN NOT ${operand(e)} THEN 'False' ELSE '' END`, 'string', e.aggregate);
    default:
      return atom(`coalesce(${fn.cast(e.sql, 'string')}, '')`, 'string', e.aggregate);
  }
}

function convert(type: ColumnType): ScalarFunction {
  return {
    min: 1,
    max: 1,
    compile: (ctx, [a], call) => {
      const fn = ctx.dialect.fn;
      const x = a!;
      if (x.type === type) return x;
      if (x.type === 'dynamic') return fromDynamic(ctx, x, type);
      if ((type === 'int' || type === 'long') && x.type === 'real') return atom(fn.tryCast(`trunc(${x.sql})`, type), type, x.aggregate);
      const allowed = type === 'datetime' || type === 'timespan' ? ['string'] : ['string', 'int', 'long', 'real', 'bool'];
      if (!allowed.includes(x.type)) throw ctx.error('type-mismatch', 'cannot-convert', { name: call.name, type: x.type }, call.pos);
      if ((type === 'datetime' || type === 'timespan') && x.type === 'string') return timeFromText(ctx, x, type);
      return atom(fn.tryCast(x.sql, type), type, x.aggregate);
    },
  };
}

/** todatetime / totimespan of text: the engine's cast (to the microsecond) and the seventh fraction digit, in ticks. */
function timeFromText(ctx: CompileContext, x: SqlExpr, type: 'datetime' | 'timespan'): SqlExpr {
  const fn = ctx.dialect.fn;
  const cast = atom(fn.tryCast(x.sql, type), type, x.aggregate);
  const seventh = fn.regexExtract(x.sql, ctx.param('[.,][0-9]{6}([0-9])', 'string'), 1);
  const digit = `coalesce(${fn.tryCast(`nullif(${seventh}, '')`, 'long')}, ${fn.integer(0)})`;
  // A negative timespan's digit counts toward the past, as its other digits do.
  const signed =
    type === 'datetime' ? digit : `CASE WHEN ${fn.regexMatches(x.sql, ctx.param('^\\s*-', 'string'))} THEN -${digit} ELSE ${digit} END`;
  return ticksExpr(`${toTicks(ctx, cast).sql} + ${signed}`, type, x.aggregate);
}

function sameType(ctx: CompileContext, call: CallNode, values: readonly SqlExpr[]): ColumnType {
  let type = values[0]!.type;
  for (const v of values.slice(1)) {
    if (v.type === type) continue;
    if (isNumeric(v.type) && isNumeric(type)) {
      type = v.type === 'real' || type === 'real' ? 'real' : 'long';
      continue;
    }
    throw ctx.error('type-mismatch', 'one-type', { name: call.name, first: type, second: v.type }, call.pos);
  }
  return type;
}

function regexTrim(mode: 'both' | 'start' | 'end'): ScalarFunction {
  return {
    min: 2,
    max: 2,
    compile: (ctx, [re, s], call) => {
      const pattern = constString(ctx, call, 0, re!);
      const text = want(ctx, call, 1, s!, 'string');
      const parts = [];
      if (mode !== 'end') parts.push(`^(?:${pattern})+`);
      if (mode !== 'start') parts.push(`(?:${pattern})+$`);
      return atom(
        ctx.dialect.fn.regexReplace(text.sql, ctx.param(parts.join('|'), 'string'), ctx.param('', 'string')),
        'string',
        text.aggregate,
      );
    },
  };
}

/** Every scalar function, by KQL name. */
export const SCALAR_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  ...SIMPLE_FUNCTIONS,
  ...SERIES_FUNCTIONS,
  ...TIME_FUNCTIONS,
  ...ZONE_FUNCTIONS,
  ...TICK_FUNCTIONS,
  format_timespan: FORMAT_TIMESPAN,
  strcat: {
    min: 1,
    max: 64,
    compile: (ctx, args) => atom(ctx.dialect.fn.concat(args.map((a) => toStringSql(ctx, a).sql)), 'string', agg(...args)),
  },
  tolower: { min: 1, max: 1, compile: (ctx, [a], c) => atom(ctx.dialect.fn.lower(want(ctx, c, 0, a!, 'string').sql), 'string', agg(a!)) },
  toupper: { min: 1, max: 1, compile: (ctx, [a], c) => atom(ctx.dialect.fn.upper(want(ctx, c, 0, a!, 'string').sql), 'string', agg(a!)) },
  strlen: {
    min: 1,
    max: 1,
    compile: (ctx, [a], c) => atom(ctx.dialect.fn.cast(ctx.dialect.fn.length(want(ctx, c, 0, a!, 'string').sql), 'long'), 'long', agg(a!)),
  },
  substring: {
    min: 2,
    max: 3,
    compile: (ctx, [s, start, len], c) => {
      const text = want(ctx, c, 0, s!, 'string');
      const st = want(ctx, c, 1, start!, 'int', 'long');
      // A negative start counts from the end of the string.
      const n = ctx.dialect.fn.length(text.sql);
      const from = st.constant
        ? Number(st.constant.value) >= 0
          ? String(Number(st.constant.value) + 1)
          : `greatest(${n} + ${Number(st.constant.value)}, 0) + 1`
        : `CASE WHEN ${operand(st)} < 0 THEN greatest(${n} + ${operand(st)}, 0) ELSE ${operand(st)} END + 1`;
      const l = len === undefined ? undefined : `greatest(${want(ctx, c, 2, len, 'int', 'long').sql}, 0)`;
      return atom(ctx.dialect.fn.substring(text.sql, from, l), 'string', agg(s!));
    },
  },
  split: {
    min: 2,
    max: 3,
    compile: (ctx, [s, d, i], c) => {
      const fn = ctx.dialect.fn;
      const arr = fn.splitToJson(want(ctx, c, 0, s!, 'string').sql, want(ctx, c, 1, d!, 'string').sql);
      if (i === undefined) return atom(arr, 'dynamic', agg(s!));
      // With an index, Kusto returns an array of the one element (or an empty array).
      const n = constNumber(ctx, c, 2, i);
      if (!Number.isInteger(n)) throw ctx.error('invalid-argument', 'split-index', {}, c.args[2]!.pos);
      const one = fn.splitToJson(want(ctx, c, 0, s!, 'string').sql, want(ctx, c, 1, d!, 'string').sql, n);
      return atom(one, 'dynamic', agg(s!));
    },
  },
  trim: regexTrim('both'),
  trim_start: regexTrim('start'),
  trim_end: regexTrim('end'),
  extract: {
    min: 3,
    max: 4,
    compile: (ctx, [re, g, s, t], c) => {
      const group = constNumber(ctx, c, 1, g!);
      if (!Number.isInteger(group) || group < 0) throw ctx.error('invalid-argument', 'extract-group', {}, c.pos);
      const text = want(ctx, c, 2, s!, 'string');
      const sql = ctx.dialect.fn.regexExtract(text.sql, ctx.param(constString(ctx, c, 0, re!), 'string'), group);
      if (t === undefined) return atom(sql, 'string', agg(s!));
      return atom(ctx.dialect.fn.tryCast(`nullif(${sql}, '')`, t.type), t.type, agg(s!));
    },
  },
  replace_string: {
    min: 3,
    max: 3,
    compile: (ctx, [s, a, b], c) =>
      atom(
        ctx.dialect.fn.replace(want(ctx, c, 0, s!, 'string').sql, want(ctx, c, 1, a!, 'string').sql, want(ctx, c, 2, b!, 'string').sql),
        'string',
        agg(s!),
      ),
  },
  replace_regex: {
    min: 3,
    max: 3,
    compile: (ctx, [s, re, b], c) => {
      constString(ctx, c, 1, re!);
      return atom(
        ctx.dialect.fn.regexReplace(want(ctx, c, 0, s!, 'string').sql, re!.sql, want(ctx, c, 2, b!, 'string').sql),
        'string',
        agg(s!),
      );
    },
  },
  indexof: {
    min: 2,
    max: 5,
    compile: (ctx, [s, n, start, length, occurrence], c) => {
      const fn = ctx.dialect.fn;
      const text = want(ctx, c, 0, s!, 'string').sql;
      const needle = want(ctx, c, 1, n!, 'string').sql;
      if (start === undefined) return expr(`${fn.cast(fn.strpos(text, needle), 'long')} - 1`, 'long', agg(s!));
      if (occurrence !== undefined && occurrence.constant?.value !== 1)
        throw ctx.error('unsupported', 'indexof-occurrence', {}, c.args[4]!.pos);
      // From `start` (negative: from the end), over `length` characters (-1: to the end).
      // Constants stay constants in the SQL (ClickHouse 18.16's substring needs a constant start and length).
      const from = want(ctx, c, 2, start, 'int', 'long');
      const fixed = typeof from.constant?.value === 'number' && from.constant.value >= 0 ? from.constant.value : undefined;
      const first =
        fixed !== undefined
          ? String(fixed)
          : `(CASE WHEN ${from.sql} < 0 THEN greatest(${fn.length(text)} + ${from.sql}, 0) ELSE ${from.sql} END)`;
      const begin = fixed !== undefined ? String(fixed + 1) : `${first} + 1`;
      const count = length === undefined ? undefined : want(ctx, c, 3, length, 'int', 'long');
      const part =
        count === undefined || (typeof count.constant?.value === 'number' && count.constant.value < 0)
          ? fn.substring(text, begin)
          : count.constant !== undefined
            ? fn.substring(text, begin, count.sql)
            : `CASE WHEN ${count.sql} < 0 THEN ${fn.substring(text, begin)} ELSE ${fn.substring(text, begin, count.sql)} END`;
      const at = fn.cast(fn.strpos(part, needle), 'long');
      return expr(`CASE WHEN ${first} > ${fn.length(text)} OR ${at} = 0 THEN -1 ELSE ${at} - 1 + ${first} END`, 'long', agg(s!));
    },
  },
  isempty: {
    min: 1,
    max: 1,
    compile: (_ctx, [a]) => expr(a!.type === 'string' ? `${operand(a!)} = ''` : `${operand(a!)} IS NULL`, 'bool', agg(a!)),
  },
  isnotempty: {
    min: 1,
    max: 1,
    compile: (_ctx, [a]) => expr(a!.type === 'string' ? `${operand(a!)} <> ''` : `${operand(a!)} IS NOT NULL`, 'bool', agg(a!)),
  },
  isnull: { min: 1, max: 1, compile: (_ctx, [a]) => expr(`${operand(a!)} IS NULL`, 'bool', agg(a!)) },
  isnotnull: { min: 1, max: 1, compile: (_ctx, [a]) => expr(`${operand(a!)} IS NOT NULL`, 'bool', agg(a!)) },
  not: { min: 1, max: 1, compile: (ctx, [a], c) => expr(`NOT ${operand(want(ctx, c, 0, a!, 'bool'))}`, 'bool', agg(a!)) },
  iff: { min: 3, max: 3, compile: (ctx, args, c) => caseWhen(ctx, c, args) },
  iif: { min: 3, max: 3, compile: (ctx, args, c) => caseWhen(ctx, c, args) },
  case: { min: 3, max: 255, compile: (ctx, args, c) => caseWhen(ctx, c, args) },
  coalesce: {
    min: 2,
    max: 64,
    compile: (ctx, args, c) => {
      const type = sameType(ctx, c, args);
      // KQL: for strings, coalesce returns the first non-empty value.
      if (type === 'string') return atom(`coalesce(${args.map((a) => `nullif(${a.sql}, '')`).join(', ')}, '')`, 'string', agg(...args));
      const values = alignTicks(ctx, args);
      return withTicks(atom(`coalesce(${values.map((a) => a.sql).join(', ')})`, type, agg(...args)), values);
    },
  },
  tostring: { min: 1, max: 1, compile: (ctx, [a]) => toStringSql(ctx, a!) },
  toint: convert('int'),
  tolong: convert('long'),
  todouble: convert('real'),
  toreal: convert('real'),
  tobool: convert('bool'),
  todatetime: convert('datetime'),
  totimespan: convert('timespan'),
  abs: { min: 1, max: 1, compile: (ctx, [a], c) => atom(`abs(${want(ctx, c, 0, a!, 'int', 'long', 'real').sql})`, a!.type, agg(a!)) },
  round: {
    min: 1,
    max: 2,
    compile: (ctx, [a, p], c) => {
      const x = want(ctx, c, 0, a!, 'int', 'long', 'real');
      const digits = p === undefined ? 0 : constNumber(ctx, c, 1, p);
      return atom(`round(${x.sql}, ${Math.trunc(digits)})`, x.type, agg(a!));
    },
  },
  array_length: {
    min: 1,
    max: 1,
    compile: (ctx, [a], c) => atom(ctx.dialect.fn.jsonArrayLength(want(ctx, c, 0, a!, 'dynamic').sql), 'long', agg(a!)),
  },
  ipv4_is_private: {
    min: 1,
    max: 1,
    compile: (ctx, [a], c) =>
      atom(ctx.dialect.fn.regexMatches(want(ctx, c, 0, a!, 'string').sql, ctx.param(PRIVATE_IPV4, 'string')), 'bool', agg(a!)),
  },
  ipv4_is_in_range: {
    min: 2,
    max: 2,
    compile: (ctx, [a, r], c) => {
      const range = parseCidr(constString(ctx, c, 1, r!));
      if (!range) throw ctx.error('invalid-argument', 'ipv4-range', {}, c.args[1]!.pos);
      const n = ctx.dialect.fn.ipv4ToNumber(want(ctx, c, 0, a!, 'string').sql);
      return expr(`(${n}) BETWEEN ${range[0]} AND ${range[1]}`, 'bool', agg(a!));
    },
  },
};

/** `typeof(long)` as the type argument of extract(): a typed NULL. */
function typeOf(ctx: CompileContext, call: CallNode): SqlExpr {
  const arg = call.args[0];
  const type = arg?.kind === 'Name' ? own(TYPE_NAMES, arg.name) : undefined;
  if (!type || call.args.length !== 1) throw ctx.error('invalid-argument', 'typeof-argument', {}, call.pos);
  return atom(ctx.dialect.fn.cast('NULL', type), type);
}

function caseWhen(ctx: CompileContext, call: CallNode, args: readonly SqlExpr[]): SqlExpr {
  if (args.length % 2 === 0) throw ctx.error('invalid-argument', 'case-pairs', { name: call.name }, call.pos);
  const values = alignTicks(ctx, [...args.filter((_a, i) => i % 2 === 1), args[args.length - 1]!]);
  const type = sameType(ctx, call, values);
  let sql = 'CASE';
  for (let i = 0; i + 1 < args.length; i += 2) sql += ` WHEN ${want(ctx, call, i, args[i]!, 'bool').sql} THEN ${values[i / 2]!.sql}`;
  return withTicks(atom(`${sql} ELSE ${values[values.length - 1]!.sql} END`, type, agg(...args)), values);
}

/** `e` marked as ticks when `values` (aligned by alignTicks) are. */
function withTicks(e: SqlExpr, values: readonly SqlExpr[]): SqlExpr {
  return values.some((v) => v.ticks) ? { ...e, ticks: true } : e;
}

/** [low, high] of an IPv4 CIDR (or single address) as numbers. */
export function parseCidr(s: string): [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const low = Math.floor(ip / size) * size;
  return [low, low + size - 1];
}
