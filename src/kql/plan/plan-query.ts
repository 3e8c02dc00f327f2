/**
 * The planner: answers a query from a summary table of MessageTrace (src/schema/aggregates.ts) when that gives
 * exactly the answer of the raw rows, else from the rows. It takes queries of the shape
 *
 *   MessageTrace | where <dimensions only> ... | summarize <count, countif, sum(Size), sumif(Size, ..),
 *                dcount/min/max of a dimension> by <hour or day bins of Received>, <dimensions> | <anything>
 *
 * (or `| count` in place of summarize). Summary rows hold whole hours: hours the time range covers wholly come
 * from the summary table, the partial hours at its ends from the rows, in one union that the summarize then
 * adds up. A query that does not group by time reads the whole UTC days of the range from the table's daily twin
 * where it has one, and the whole hours around them from the hourly table. The answer must have the raw query's
 * columns, names and types, or the rows are read after all.
 */
import {
  AGGREGATE_GRAIN_MS,
  DAY_GRAIN_MS,
  HEAVY_HOURLY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
  TRACE_AGGREGATES,
  dailyTwin,
  hourlyTwin,
  type TraceAggregateDef,
} from '../../schema/index.js';
import type { OperatorNode, PipelineNode, QueryNode, SummarizeNode } from '../ast/index.js';
import type { CompileOptions, CompiledQuery } from '../compile-kql.js';
import { compileQuery } from '../compile/compile-query.js';
import type { Column } from '../compile/select-state.js';
import { getDialect } from '../dialect/index.js';
import { parseQuery } from '../syntax/parse-query.js';
import {
  matchMessages,
  MESSAGE_STATES,
  MESSAGES,
  messageStatesSourceText,
  messagesSourceText,
  messagesSummarize,
  withBins,
  withFilters,
} from './plan-messages.js';
import { BYTES, countAsSummarize, onDims, ROWS, rewriteSummarize } from './summary-rewrite.js';
import { columnsRead } from './dimension-expr.js';
import { heavyTop } from './plan-heavy.js';

/** What a compiled query reads: a summary table (with the raw rows of partial hours) or the MessageTrace rows. */
export interface QueryPlan {
  /** The summary table's name, or 'rows'. */
  readonly source: string;
  /** Why: the hours read from the summary, or what kept it from being used. */
  readonly reason: string;
}

/** The binding names of the summary rows inside a planned query (never valid in user text: bound here only). */
const SUMMARY = '__summary';
const SUMMARY_DAYS = '__summary_days';

/** The hourly tables, smallest first. */
const HOURLY = TRACE_AGGREGATES.filter((d) => d.grainMs === AGGREGATE_GRAIN_MS);

/** A query matched: its filters and summarize on summary rows, what follows them, and the dimensions read. */
interface Match {
  readonly wheres: OperatorNode[];
  readonly summarize: SummarizeNode;
  readonly rest: readonly OperatorNode[];
  readonly used: ReadonlySet<string>;
}

const ALL_DIMS: ReadonlySet<string> = new Set(HOURLY.flatMap((a) => a.dimensions));

function match(query: QueryNode): Match | string {
  if (query.lets.length > 0) return 'the query has let statements';
  const body = query.body;
  if (body.source.kind !== 'TableRef' || body.source.name !== 'MessageTrace' || body.source.args) return 'it does not read MessageTrace';
  const used = new Set<string>();
  const wheres: OperatorNode[] = [];
  for (const [i, op] of body.operators.entries()) {
    if (op.kind === 'Where') {
      if (!onDims(op.predicate, ALL_DIMS, used)) return 'a where reads a column the summary tables do not keep';
      wheres.push(op);
      continue;
    }
    if (op.kind === 'Count') return { wheres, summarize: countAsSummarize(op.pos), rest: body.operators.slice(i + 1), used };
    if (op.kind !== 'Summarize') return `${op.kind.toLowerCase()} comes before summarize`;
    const summarize = rewriteSummarize(op, ALL_DIMS, used);
    if (typeof summarize === 'string') return summarize;
    return { wheres, summarize, rest: body.operators.slice(i + 1), used };
  }
  return 'it does not summarize';
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `source` limited to [a, b) (an undefined end: open). */
function within(source: string, a?: number, b?: number): string {
  const bounds = [a !== undefined ? `Received >= datetime(${iso(a)})` : '', b !== undefined ? `Received < datetime(${iso(b)})` : ''].filter(
    Boolean,
  );
  return `${source}${bounds.length > 0 ? ` | where ${bounds.join(' and ')}` : ''}`;
}

/**
 * The hourly rows of [a, b) outside the whole days [da, db). An hourly table written in time order is read once for
 * the hours before them and once for those after, each a range its zone maps prune: one read with `before or after`
 * scans every row group of a range spanning the table (30 days of the 98.5M-row month's hourly subjects, 109 against
 * 28 ms). A table `unordered` (a heavy table's hourly twin, which takes all the hours of a value as it becomes
 * heavy) is scanned whole by each read, so it is read once.
 */
function hoursAround({ a, b }: Hours, { da, db }: Days, unordered: boolean): string[] {
  const before = da !== undefined && da !== a;
  const after = db !== undefined && db !== b;
  if (unordered && before && after)
    return [`${within(SUMMARY, a, b)} | where Received < datetime(${iso(da)}) or Received >= datetime(${iso(db)})`];
  return [before ? within(SUMMARY, a, da) : '', after ? within(SUMMARY, db, b) : ''].filter(Boolean);
}

/**
 * Summary rows over whole hours [a, b) (with `days`, the whole days [da, db) inside them from the daily twin and
 * the hours around them from the hourly table, `unordered` or not), with the raw rows of the partial hours before
 * `edgeA` and from `edgeB`.
 */
function sourceText(def: TraceAggregateDef, hours: Hours, days?: Days, unordered = false): string {
  const { a, b, edgeA, edgeB } = hours;
  const summary = days ? [within(SUMMARY_DAYS, days.da, days.db), ...hoursAround(hours, days, unordered)] : [within(SUMMARY, a, b)];
  const project = `project Received, ${def.dimensions.join(', ')}, ${ROWS} = 1, ${BYTES} = Size`;
  const edges = [
    edgeA !== undefined ? `(MessageTrace | where Received < datetime(${iso(edgeA)}) | ${project})` : '',
    edgeB !== undefined ? `(MessageTrace | where Received >= datetime(${iso(edgeB)}) | ${project})` : '',
  ].filter(Boolean);
  const parts = [...summary.map((p) => `(${p})`), ...edges];
  return parts.length === 1 ? summary[0]! : `union ${parts.join(', ')}`;
}

const col = (name: string, type: Column['type']): Column => ({ name, type, sql: name, atomic: true });

/** The columns of the distinct-messages summary. */
const MESSAGE_COLUMNS: Column[] = [
  col('Received', 'datetime'),
  col('Previous', 'datetime'),
  col('MessageTraceId', 'string'),
  col('Messages', 'long'),
];

/** The columns of the distinct-messages-by-state summary. */
const MESSAGE_STATE_COLUMNS: Column[] = [
  col('Received', 'datetime'),
  col('States', 'string'),
  ...MESSAGE_STATE_AGGREGATE.dimensions.map((d) => col(d, 'string')),
  col('MessageTraceId', 'string'),
  col('Messages', 'long'),
];

/** The columns of a summary table as the planner's source presents them. */
function summaryColumns(def: TraceAggregateDef): Column[] {
  return [col('Received', 'datetime'), ...def.dimensions.map((d) => col(d, 'string')), col(ROWS, 'long'), col(BYTES, 'long')];
}

/** Whole hours [a, b) of a time range and its partial hours at the ends (before edgeA, from edgeB). */
interface Hours {
  a?: number;
  b?: number;
  edgeA?: number;
  edgeB?: number;
}

/** Whole UTC days [da, db) inside whole hours (an undefined end: open). */
interface Days {
  da?: number;
  db?: number;
}

/** The whole days of `hours`, or undefined when they hold none. */
function daysOf({ a, b }: Hours): Days | undefined {
  const da = a === undefined ? undefined : Math.ceil(a / DAY_GRAIN_MS) * DAY_GRAIN_MS;
  const db = b === undefined ? undefined : Math.floor(b / DAY_GRAIN_MS) * DAY_GRAIN_MS;
  return da !== undefined && db !== undefined && da >= db ? undefined : { da, db };
}

/** Columns a filter on which keeps few rows: one sender's or one subject's mail. */
const NARROW: ReadonlySet<string> = new Set(['SenderAddress', 'Subject']);

/**
 * Whether a filter reads a sender address or a subject: it keeps few rows, so reading the hourly table costs about
 * the same for a month as for the hours around its days, and a daily table only adds a read (30 days of the
 * 98.5M-row store: 107 ms hourly, 156 ms with the daily table). A domain filter does not count: the organization's
 * own domain keeps most rows (the same store: 209 ms hourly, 111 ms with the daily table).
 */
function selective(wheres: readonly OperatorNode[]): boolean {
  return wheres.some((w) => w.kind === 'Where' && [...(columnsRead(w.predicate) ?? [])].some((c) => NARROW.has(c)));
}

/** Whether a summarize groups by anything that reads Received (a time bin): its rows need hours then. */
function groupsByTime(summarize: SummarizeNode): boolean {
  return summarize.by.some((k) => columnsRead(k.expr)?.has('Received') ?? true);
}

/** Whole hours [a, b) of the time range, and the partial hours at its ends (edgeA, edgeB); undefined: no whole hour. */
function hoursOf(options: CompileOptions): Hours | undefined {
  const { from, to } = options.timeRange ?? {};
  const grain = AGGREGATE_GRAIN_MS;
  const a = from === undefined ? undefined : Math.ceil(from / grain) * grain;
  const b = to === undefined ? undefined : Math.floor(to / grain) * grain;
  if (a !== undefined && b !== undefined && a >= b) return undefined;
  // Raw rows only for partial hours: none when an end is open or already on the hour.
  return { a, b, edgeA: a !== undefined && a !== from ? a : undefined, edgeB: b !== undefined && b !== to ? b : undefined };
}

/** The summary tables a planned query reads, by the binding names its text uses. */
type Sources = Record<string, { sql: string; columns: readonly Column[] }>;

/** A query planned on a daily table's whole days, and how to plan it again on other summary tables. */
interface DailyPlan {
  readonly planned: CompiledQuery;
  readonly day: TraceAggregateDef;
  /** The summary sources it was compiled with. */
  readonly sources: Sources;
  /** The same query compiled on other sources (their hourly table not in time order: `unordered`). */
  readonly compile: (sources: Sources, unordered?: boolean) => CompiledQuery;
  /** Its plan's reason, with the tables that give its whole days and the whole hours around them. */
  readonly reason: (daysFrom: string, hoursFrom: string) => string;
}

/**
 * `daily` read from the heavy-value table of its daily table instead (and the hours around its days from that
 * table's hourly twin, where the engine keeps one), with `daily` as its fallback, when the query is a top N by a
 * count that table answers (plan-heavy.ts).
 */
function heavyPlanned(query: QueryNode, options: CompileOptions, used: ReadonlySet<string>, daily: DailyPlan): CompiledQuery | undefined {
  const dialect = getDialect(options.dialect);
  const top = heavyTop(query, daily.day, used, options.timeRange);
  const sql = top && dialect.heavyAggregateSource(top.def);
  if (!top || sql === undefined) return undefined;
  const column = daily.planned.columns.findIndex((c) => c.name === top.column);
  if (column < 0) return undefined;
  const sources: Sources = { ...daily.sources, [SUMMARY_DAYS]: { sql, columns: summaryColumns(top.def) } };
  const hourly = HEAVY_HOURLY_AGGREGATES.find((h) => h.heavy === top.def.name);
  const hoursSql = hourly && dialect.heavyHourlySource?.(hourly);
  if (hoursSql !== undefined) sources[SUMMARY] = { sql: hoursSql, columns: summaryColumns(hourly!) };
  const hoursFrom = hoursSql !== undefined ? hourly!.name : hourlyTwin(daily.day).name;
  const reason = `${daily.reason(top.def.name, hoursFrom)}, if ${top.column} in its row ${top.rows} passes ${top.most} (else whole days from ${daily.day.name})`;
  return {
    ...daily.compile(sources, hoursSql !== undefined),
    plan: { source: top.def.name, reason },
    fallback: { query: daily.planned, rows: top.rows, column, above: top.most },
  };
}

/** Plan a parsed query whose raw compilation is `raw`. */
export function planQuery(query: QueryNode, text: string, options: CompileOptions, raw: CompiledQuery): CompiledQuery {
  const rows = (reason: string): CompiledQuery => ({ ...raw, plan: { source: 'rows', reason } });
  const messages = matchMessages(query);
  const m = messages ? undefined : match(query);
  if (typeof m === 'string') return rows(m);
  const dialect = getDialect(options.dialect);
  const def = m && HOURLY.find((d) => [...m.used].every((c) => d.dimensions.includes(c)));
  if (m && !def) return rows('no summary table keeps all the columns it reads');
  const messageSql = dialect.messageAggregateSource();
  if (messages && messageSql === undefined) return rows('this engine keeps no summary of distinct messages');
  const hours = hoursOf(options);
  if (!hours) return rows('the time range holds no whole hour');
  const { a, b, edgeA, edgeB } = hours;
  const daily = m && def && options.aggregates !== 'hourly' && !groupsByTime(m.summarize) && !selective(m.wheres);
  const day = daily ? dailyTwin(def) : undefined;
  const days = day && daysOf(hours);
  const states = messages && messages.filters.length > 0;
  const name = (days ? day!.name : def?.name) ?? (states ? MESSAGE_STATE_AGGREGATE.name : MESSAGE_AGGREGATE.name);
  let bodyOf: (unordered: boolean) => PipelineNode;
  let sources: Sources;
  if (messages && states) {
    const union = withFilters(withBins(parseQuery(messageStatesSourceText(messages, a, b, edgeA, edgeB)).body, messages), messages);
    bodyOf = () => ({
      ...query.body,
      source: union.source,
      operators: [...union.operators, messagesSummarize(messages, query.body.pos), ...messages.rest],
    });
    sources = { [MESSAGE_STATES]: { sql: dialect.messageStateAggregateSource(), columns: MESSAGE_STATE_COLUMNS } };
  } else if (messages) {
    const union = withBins(parseQuery(messagesSourceText(messages, options.timeRange?.from, a, b, edgeA, edgeB)).body, messages);
    bodyOf = () => ({
      ...query.body,
      source: union.source,
      operators: [...union.operators, messagesSummarize(messages, query.body.pos), ...messages.rest],
    });
    sources = { [MESSAGES]: { sql: messageSql!, columns: MESSAGE_COLUMNS } };
  } else {
    bodyOf = (unordered) => {
      const union = parseQuery(sourceText(def!, hours, days, unordered)).body;
      return { ...query.body, source: union.source, operators: [...union.operators, ...m!.wheres, m!.summarize, ...m!.rest] };
    };
    sources = { [SUMMARY]: { sql: dialect.aggregateSource(def!), columns: summaryColumns(def!) } };
    if (days) sources[SUMMARY_DAYS] = { sql: dialect.aggregateSource(day!), columns: summaryColumns(day!) };
  }
  const compile = (on: typeof sources, unordered = false) =>
    compileQuery({ ...query, body: bodyOf(unordered) }, text, { ...options, sources: on });
  let planned: CompiledQuery;
  try {
    planned = compile(sources);
  } catch {
    // The raw query compiled, so the rows can always answer it.
    return rows('the summary form of it does not compile');
  }
  const same =
    planned.columns.length === raw.columns.length &&
    planned.columns.every((c, i) => c.name === raw.columns[i]!.name && c.type === raw.columns[i]!.type);
  if (!same) return rows('the summary would not give the same columns');
  const partial = edgeA !== undefined || edgeB !== undefined ? '; the partial hours at the ends from the rows' : '';
  if (days) {
    const daySpan = `${days.da === undefined ? 'the first day' : iso(days.da)} to ${days.db === undefined ? 'the last day' : iso(days.db)}`;
    const around = (days.da !== undefined && days.da !== a) || (days.db !== undefined && days.db !== b);
    const reason = (daysFrom: string, hoursFrom: string) =>
      `whole days ${daySpan} from ${daysFrom}${around ? `; the whole hours around them from ${hoursFrom}` : ''}${partial}`;
    const daily = { ...planned, plan: { source: name, reason: reason(name, def!.name) } };
    return heavyPlanned(query, options, m!.used, { planned: daily, day: day!, sources, compile, reason }) ?? daily;
  }
  const span = `${a === undefined ? 'the first hour' : iso(a)} to ${b === undefined ? 'the last hour' : iso(b)}`;
  return { ...planned, plan: { source: name, reason: `whole hours ${span} from ${name}${partial}` } };
}
