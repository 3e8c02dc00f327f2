/** KQL functions compiled through the dialects' simple-function hooks: argument checks and result types. */
import type { ColumnType } from '../../schema/index.js';
import type { SimpleFunctionName } from '../dialect/simple-functions.js';
import type { ScalarFunction } from './arguments.js';
import { want } from './arguments.js';
import { atom } from './sql-expr.js';

/**
 * An argument kind: a KQL type, 'number' (int, long or real), 'const' (a constant string), 'hashable' (what hash()
 * reads the bytes of: string, long or datetime) or 'any'.
 */
type ArgKind = ColumnType | 'number' | 'const' | 'hashable' | 'any';

interface Signature {
  /** Kinds of the arguments; the last one repeats. */
  readonly args: readonly ArgKind[];
  readonly min: number;
  readonly max: number;
  /** The result type, or how it follows from the arguments' types. */
  readonly result: ColumnType | ((types: readonly ColumnType[]) => ColumnType);
}

const sig = (result: Signature['result'], args: readonly ArgKind[], min = args.length, max = min): Signature => ({
  args,
  min,
  max,
  result,
});
const widest = (types: readonly ColumnType[]): ColumnType =>
  types.includes('real') ? 'real' : types.every((t) => t === 'int') ? 'int' : types.every((t) => t === types[0]) ? types[0]! : 'long';

const SIGNATURES: Readonly<Record<SimpleFunctionName, Signature>> = {
  sqrt: sig('real', ['number']),
  exp: sig('real', ['number']),
  log: sig('real', ['number']),
  log10: sig('real', ['number']),
  log2: sig('real', ['number']),
  pow: sig('real', ['number', 'number']),
  sign: sig('real', ['number']),
  ceiling: sig('real', ['number']),
  isnan: sig('bool', ['number']),
  isinf: sig('bool', ['number']),
  isfinite: sig('bool', ['number']),
  max_of: sig(widest, ['any'], 1, 64),
  min_of: sig(widest, ['any'], 1, 64),
  binary_and: sig('long', ['number', 'number']),
  binary_or: sig('long', ['number', 'number']),
  binary_xor: sig('long', ['number', 'number']),
  binary_shift_left: sig('long', ['number', 'number']),
  binary_shift_right: sig('long', ['number', 'number']),
  reverse: sig('string', ['string']),
  url_decode: sig('string', ['string']),
  base64_encode_tostring: sig('string', ['string']),
  base64_decode_tostring: sig('string', ['string']),
  hash_sha256: sig('string', ['string']),
  hash_md5: sig('string', ['string']),
  hash_sha1: sig('string', ['string']),
  hash: sig('long', ['hashable', 'number'], 1, 2),
  hash_xxhash64: sig('long', ['hashable', 'number'], 1, 2),
  url_encode: sig('string', ['string']),
  url_encode_component: sig('string', ['string']),
  ipv6_is_match: sig('bool', ['string', 'string', 'number'], 2, 3),
  ipv6_compare: sig('long', ['string', 'string', 'number'], 2, 3),
  ipv6_is_in_range: sig('bool', ['string', 'string']),
  ipv4_is_match: sig('bool', ['string', 'string', 'number'], 2, 3),
  strrep: sig('string', ['string', 'number', 'string'], 2, 3),
  countof: sig('long', ['string', 'string', 'const'], 2, 3),
  strcat_array: sig('string', ['dynamic', 'string']),
  extract_all: sig('dynamic', ['const', 'string']),
  parse_ipv4: sig('long', ['string']),
  ipv4_compare: sig('long', ['string', 'string']),
  gettype: sig('string', ['any']),
  parse_json: sig('dynamic', ['any']),
  todynamic: sig('dynamic', ['any']),
  pack: sig('dynamic', ['any'], 2, 128),
  bag_pack: sig('dynamic', ['any'], 2, 128),
  pack_array: sig('dynamic', ['any'], 1, 128),
  bag_keys: sig('dynamic', ['dynamic']),
  bag_merge: sig('dynamic', ['dynamic'], 2, 64),
  array_concat: sig('dynamic', ['dynamic'], 1, 64),
  array_slice: sig('dynamic', ['dynamic', 'number', 'number']),
  array_index_of: sig('long', ['dynamic', 'any']),
  array_reverse: sig('dynamic', ['dynamic']),
  array_sum: sig('real', ['dynamic']),
  array_sort_asc: sig('dynamic', ['dynamic']),
  array_sort_desc: sig('dynamic', ['dynamic']),
  set_has_element: sig('bool', ['dynamic', 'any']),
  set_union: sig('dynamic', ['dynamic'], 2, 64),
  set_intersect: sig('dynamic', ['dynamic'], 2, 64),
  set_difference: sig('dynamic', ['dynamic'], 2, 64),
  jaccard_index: sig('real', ['dynamic', 'dynamic']),
  dcount_hll: sig('long', ['dynamic']),
  datetime_add: sig('datetime', ['const', 'number', 'datetime']),
  datetime_part: sig('int', ['const', 'datetime']),
  make_datetime: sig('datetime', ['number'], 3, 7),
  make_timespan: sig('timespan', ['number'], 2, 4),
  unixtime_seconds_todatetime: sig('datetime', ['number']),
  unixtime_milliseconds_todatetime: sig('datetime', ['number']),
  unixtime_microseconds_todatetime: sig('datetime', ['number']),
  unixtime_nanoseconds_todatetime: sig('datetime', ['number']),
  dayofmonth: sig('int', ['datetime']),
  dayofyear: sig('int', ['datetime']),
  getmonth: sig('int', ['datetime']),
  monthofyear: sig('int', ['datetime']),
  getyear: sig('int', ['datetime']),
  week_of_year: sig('int', ['datetime']),
  endofday: sig('datetime', ['datetime', 'number'], 1, 2),
  endofweek: sig('datetime', ['datetime', 'number'], 1, 2),
  endofmonth: sig('datetime', ['datetime', 'number'], 1, 2),
  endofyear: sig('datetime', ['datetime', 'number'], 1, 2),
  parse_url: sig('dynamic', ['string']),
  bag_remove_keys: sig('dynamic', ['dynamic', 'dynamic']),
  zip: sig('dynamic', ['dynamic'], 2, 16),
  array_iff: sig('dynamic', ['dynamic', 'any', 'any']),
};

function compileSimple(name: SimpleFunctionName, s: Signature): ScalarFunction {
  return {
    min: s.min,
    max: s.max,
    compile: (ctx, args, call) => {
      const typed = args.map((a, i) => {
        const kind = s.args[Math.min(i, s.args.length - 1)]!;
        if (kind === 'any') return a;
        if (kind === 'number') return want(ctx, call, i, a, 'int', 'long', 'real');
        if (kind === 'hashable') return want(ctx, call, i, a, 'string', 'long', 'datetime');
        if (kind === 'const') {
          if (!a.constant || typeof a.constant.value !== 'string') {
            throw ctx.error('invalid-argument', 'constant-string-argument', { n: i + 1, name }, call.args[i]?.pos ?? call.pos);
          }
          return a;
        }
        return want(ctx, call, i, a, kind);
      });
      const hook = Object.hasOwn(ctx.dialect.simple, name) ? ctx.dialect.simple[name] : undefined;
      if (!hook) throw ctx.error('unsupported', 'not-on-engine-yet', { name, engine: ctx.dialect.name }, call.pos);
      const type = typeof s.result === 'function' ? s.result(typed.map((a) => a.type)) : s.result;
      const sql = hook(typed.map((a) => ({ sql: a.sql, type: a.type, ...(a.constant ? { value: a.constant.value } : {}) })));
      return atom(
        sql,
        type,
        typed.some((a) => a.aggregate),
      );
    },
  };
}

/** Every simple function as a scalar function of the compiler. */
export const SIMPLE_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = Object.fromEntries(
  Object.entries(SIGNATURES).map(([name, s]) => [name, compileSimple(name as SimpleFunctionName, s)]),
);
