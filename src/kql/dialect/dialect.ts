/** The hooks a SQL dialect gives the KQL compiler; dialects differ only here. Arguments named `x` are SQL fragments. */
import type { ColumnType, HeavyAggregateDef, HeavyHourlyDef, TraceAggregateDef } from '../../schema/index.js';
import type { AggregateFunctions } from './aggregate-functions.js';
import type { ListFunctions } from './list-functions.js';
import type { RowFunctions } from './row-functions.js';
import type { SeriesFunctions } from './series-functions.js';
import type { SeriesMath } from './series-math.js';
import type { SimpleFunctions } from './simple-functions.js';
import type { TextFunctions } from './text-functions.js';
import type { WindowArrays } from './window-arrays.js';

/** What a dialect can do, so the compiler never asks which dialect it is. */
export interface DialectCapabilities {
  /** `SELECT DISTINCT ON (k) ...` exists (else `LIMIT 1 BY k`). */
  readonly distinctOn: boolean;
  /** `agg(x) FILTER (WHERE p)` exists (else the dialect's fn hooks build conditional aggregates). */
  readonly aggregateFilter: boolean;
  /** Values can be bound as parameters (else `finish` inlines them through `literal`, i.e. through escapeString). */
  readonly boundParameters: boolean;
  /** `SELECT *` over a table returns only its KQL columns (else the compiler lists them). */
  readonly selectStar: boolean;
  /** An alias is visible in the rest of its SELECT and hides the column of that name (ClickHouse). */
  readonly aliasesShadowColumns: boolean;
  /** Window functions (`row_number() OVER (...)`) exist: row_number, prev, next, row_cumsum (else Dialect.windowArrays). */
  readonly windowFunctions: boolean;
  /** An outer JOIN reads its key columns merged from both sides (ClickHouse 18.16): the ON compares copies of them. */
  readonly mergedJoinKeys: boolean;
  /** A subquery in FROM can read the columns of the FROM items before it (LATERAL): mv-apply. */
  readonly lateralJoins: boolean;
  /**
   * Reading a table's rows a second time costs less than computing aggregates over them: a grouped top may rank its
   * keys first (see top-keys-first.ts). Not where every read de-duplicates row versions (ClickHouse's FINAL).
   */
  readonly cheapReread: boolean;
}

/** SQL spellings of the functions and clauses the compiler emits. */
export interface DialectFunctions {
  sqlType(type: ColumnType): string;
  cast(x: string, type: ColumnType): string;
  tryCast(x: string, type: ColumnType): string;
  lower(x: string): string;
  upper(x: string): string;
  length(x: string): string;
  concat(parts: readonly string[]): string;
  /** 1-based start. */
  substring(x: string, start: string, length?: string): string;
  /** 1-based position of needle, 0 when absent. */
  strpos(x: string, needle: string): string;
  replace(x: string, find: string, replacement: string): string;
  regexMatches(x: string, re: string): string;
  regexExtract(x: string, re: string, group: number): string;
  regexReplace(x: string, re: string, replacement: string): string;
  containsCs(x: string, needle: string): string;
  /** Case-insensitive LIKE; the pattern holds no escapes (callers only pass patterns free of % _ \\). */
  ilike(x: string, pattern: string): string;
  startsWithCs(x: string, prefix: string): string;
  endsWithCs(x: string, suffix: string): string;
  intervalMicros(micros: number): string;
  intervalToMicros(x: string): string;
  timestampToMicros(x: string): string;
  microsToTimestamp(x: string): string;
  dateTrunc(unit: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', x: string): string;
  /** Floor a timestamp to a multiple of `micros` counted from 0001-01-01 (KQL's bin). */
  binTimestamp(x: string, micros: number): string;
  /** An interval of `x` (an integer SQL expression) days. */
  daysToInterval(x: string): string;
  /** A 64-bit integer constant. */
  integer(n: number | bigint): string;
  /** The boolean constant. */
  bool(value: boolean): string;
  /** `a` differs from `b`, a NULL differing from every value but NULL. */
  distinctFrom(a: string, b: string): string;
  /** Day of week, 0 = Sunday. */
  dayOfWeek(x: string): string;
  hour(x: string): string;
  /** The wall-clock time in IANA `zone` of a UTC datetime, as a datetime (KQL datetime_utc_to_local); `zone` inlined through escapeString. */
  utcToLocal(x: string, zone: string): string;
  /** The UTC datetime of a wall-clock time in IANA `zone` (KQL datetime_local_to_utc); `zone` inlined through escapeString. */
  localToUtc(x: string, zone: string): string;
  /** `format` is a strftime pattern (inlined through the dialect's escapeString). */
  formatDatetime(x: string, format: string): string;
  /** Whole `part` boundaries between b and a (a - b). */
  dateDiff(part: string, a: string, b: string): string;
  /** Integer division truncating toward zero. */
  intDivide(a: string, b: string): string;
  floor(x: string): string;
  jsonExtract(x: string, path: string): string;
  jsonText(x: string): string;
  jsonArrayLength(x: string): string;
  /** The parts as a JSON array; with `index`, an array of that part alone (empty when there is none). */
  splitToJson(x: string, delimiter: string, index?: number): string;
  unnestJson(x: string, asText: boolean): string;
  ipv4ToNumber(x: string): string;
  count(): string;
  countIf(p: string): string;
  dcount(x: string): string;
  dcountIf(x: string, p: string): string;
  sum(x: string): string;
  sumIf(x: string, p: string): string;
  avg(x: string): string;
  min(x: string): string;
  max(x: string): string;
  /** `fraction` in 0..1. */
  percentile(x: string, fraction: number): string;
  /** The distinct values of `x` (of KQL `type`) as a JSON array. */
  makeSet(x: string, limit?: number, type?: ColumnType): string;
  /** The values of `x` (of KQL `type`) as a JSON array. */
  makeList(x: string, limit?: number, type?: ColumnType): string;
  argMax(x: string, by: string): string;
  argMin(x: string, by: string): string;
  anyValue(x: string): string;
  semiJoin(): string;
  /** The join keyword as used (ClickHouse: GLOBAL, so that the right side runs once, where the query started). */
  join(keyword: string): string;
  /** `IN` / `NOT IN` before a subquery (ClickHouse: GLOBAL, for the same reason). */
  inSubquery(negated: boolean): string;
  /** Undefined when the engine has no anti join (the compiler filters with NOT IN instead). */
  antiJoin(): string | undefined;
  /**
   * Copies of join key `x` of one side, compared by the ON one by one where the engine merges key columns
   * (capabilities.mergedJoinKeys); a null matches nothing.
   */
  joinKeyCopies(x: string, side: 'left' | 'right'): readonly string[];
  /** A value unique to each row of a FROM (numbered where it is read), carrying `values` along: mv-apply without LATERAL. */
  rowWithValues(values: readonly string[]): string;
  /** The `i`-th (1-based) of the values carried by a rowWithValues `x`. */
  rowValue(x: string, i: number): string;
  /** SELECT `sql`, kept whole as a subquery: the engine moves no filter of an outer query into it. */
  fenced(sql: string): string;
  /** A JOIN's ON condition: `a` equals `b`, or both are null. */
  notDistinctOn(a: string, b: string): string;
  /** `sql` with one arbitrary row kept per distinct value of `keys` (KQL's innerunique). */
  dedupeBy(sql: string, keys: readonly string[], alias: string): string;
}

/** A SQL dialect the KQL compiler targets. */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  readonly capabilities: DialectCapabilities;
  quoteIdentifier(name: string): string;
  /** The only way a string value is ever inlined into SQL text. */
  escapeString(value: string): string;
  /** A UTC timestamp constant ('YYYY-MM-DD HH:MM:SS.mmm', made by the compiler from a number), inlined through escapeString. */
  datetimeLiteral(iso: string): string;
  /** Placeholder for the `index`-th (1-based) parameter of `type`. */
  placeholder(index: number, type: ColumnType): string;
  /** A value inlined as a constant (dialects without bound parameters); strings go through escapeString. */
  literal(value: unknown, type: ColumnType): string;
  /**
   * The FROM item that reads the KQL table `name` (an engine may read a deduplicated view of it), with `filters`:
   * SQL conditions that reference only `prefilterColumns(name)`, applied where the rows are read.
   */
  tableSource(name: string, filters?: readonly string[]): string;
  /** Columns of `name` a filter on which may be applied before the engine's de-duplication of row versions (empty: none). */
  prefilterColumns(name: string): readonly string[];
  /** A SELECT of a MessageTrace summary table: Received (the hour), its dimensions, __Rows and __Bytes, one row per group. */
  aggregateSource(def: TraceAggregateDef): string;
  /**
   * A SELECT of the distinct-messages summary (MESSAGE_AGGREGATE): Received (the hour), Previous, MessageTraceId
   * and Messages; undefined when the engine's stores do not keep it.
   */
  messageAggregateSource(): string | undefined;
  /** A SELECT of a heavy-value table (HEAVY_AGGREGATES) as aggregateSource gives; undefined when the engine's stores do not keep it. */
  heavyAggregateSource(def: HeavyAggregateDef): string | undefined;
  /** A SELECT of a heavy table's hourly twin (HEAVY_HOURLY_AGGREGATES); none: the engine reads the hourly table it cuts. */
  heavyHourlySource?(def: HeavyHourlyDef): string | undefined;
  /**
   * A SELECT of the distinct-messages-by-state summary (MESSAGE_STATE_AGGREGATE): Received (the hour), States,
   * its dimensions, MessageTraceId ('' for the messages counted without their id) and Messages, one row per entry
   * and state.
   */
  messageStateAggregateSource(): string;
  /** The value of a result column as the store returns it (e.g. a datetime kept as an integer made ISO text); undefined: as is. */
  outputValue(x: string, type: ColumnType): string | undefined;
  readonly fn: DialectFunctions & ListFunctions & RowFunctions & AggregateFunctions & SeriesFunctions & TextFunctions;
  /** KQL functions that are one SQL expression of their arguments (see simple-functions.ts). */
  readonly simple: SimpleFunctions;
  /** List arithmetic the series functions are written with (see series-math.ts). */
  readonly series: SeriesMath;
  /** Window functions spelled with arrays, for a dialect without window functions (capabilities.windowFunctions false). */
  readonly windowArrays?: WindowArrays;
}
