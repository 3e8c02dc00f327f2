/**
 * Dialect hooks for KQL functions that compile to one SQL expression of their arguments. A dialect that lacks one
 * does not list it: the compiler then names the function as not supported on that dialect.
 */
import type { ColumnType } from '../../schema/index.js';

/** A compiled argument: SQL and its KQL type. */
export interface SimpleArg {
  readonly sql: string;
  readonly type: ColumnType;
  /** The value of a constant argument (parts such as 'day' are chosen by value, not bound). */
  readonly value?: unknown;
}

/** SQL for one KQL function from its compiled arguments. */
export type SimpleFunction = (args: readonly SimpleArg[]) => string;

/** The KQL functions compiled through these hooks. */
export const SIMPLE_FUNCTION_NAMES = [
  'sqrt',
  'exp',
  'log',
  'log10',
  'log2',
  'pow',
  'sign',
  'ceiling',
  'isnan',
  'isinf',
  'isfinite',
  'max_of',
  'min_of',
  'binary_and',
  'binary_or',
  'binary_xor',
  'binary_shift_left',
  'binary_shift_right',
  'reverse',
  'url_decode',
  'base64_encode_tostring',
  'base64_decode_tostring',
  'hash_sha256',
  'hash_md5',
  'hash_sha1',
  'hash',
  'hash_xxhash64',
  'url_encode',
  'url_encode_component',
  'ipv6_is_match',
  'ipv6_compare',
  'ipv6_is_in_range',
  'ipv4_is_match',
  'strrep',
  'countof',
  'strcat_array',
  'extract_all',
  'parse_ipv4',
  'ipv4_compare',
  'gettype',
  'parse_json',
  'todynamic',
  'pack',
  'bag_pack',
  'pack_array',
  'bag_keys',
  'bag_merge',
  'array_concat',
  'array_slice',
  'array_index_of',
  'array_reverse',
  'array_sum',
  'array_sort_asc',
  'array_sort_desc',
  'set_has_element',
  'set_union',
  'set_intersect',
  'set_difference',
  'jaccard_index',
  'dcount_hll',
  'datetime_add',
  'datetime_part',
  'make_datetime',
  'make_timespan',
  'unixtime_seconds_todatetime',
  'unixtime_milliseconds_todatetime',
  'unixtime_microseconds_todatetime',
  'unixtime_nanoseconds_todatetime',
  'dayofmonth',
  'dayofyear',
  'getmonth',
  'monthofyear',
  'getyear',
  'week_of_year',
  'endofday',
  'endofweek',
  'endofmonth',
  'endofyear',
  'series_stats_dynamic',
  'series_fill_const',
  'series_fill_forward',
  'series_fill_backward',
  'series_add',
  'series_subtract',
  'series_multiply',
  'series_divide',
  'parse_url',
  'bag_remove_keys',
  'zip',
  'array_iff',
] as const;

/** One of SIMPLE_FUNCTION_NAMES. */
export type SimpleFunctionName = (typeof SIMPLE_FUNCTION_NAMES)[number];

/** What a dialect implements of them. */
export type SimpleFunctions = Partial<Record<SimpleFunctionName, SimpleFunction>>;
