/** Runs one dashboard panel for a time range and filters: its KQL with the filters applied, plus what its kind needs. */
import { startOfLocalDay, zoneOffsetMinutes } from '../../config/index.js';
import { computeMatches } from '../../intel/index.js';
import type { Store } from '../../store/index.js';
import type { KeptRows, QueryOutput, QueryService } from '../query/query-service.js';
import { countTerms, topTerms, type TermCount } from '../keywords/subject-terms.js';
import type { Panel } from './dashboard-schema.js';
import { previousPeriod } from './previous-period.js';
import { applyFilters, kqlString, tableFilters, type Filters } from './filter-kql.js';
import { localDayBinKql, localDayStarts, localHourBinKql, localHourStarts, offsetChangesWithin } from './local-day-bins.js';

const PANEL_ROW_LIMIT = 5_000;
const KEYWORD_SUBJECTS = 20_000;

/** What the panel is asked for. Times in ms since the epoch. */
export interface PanelRequest {
  from?: number;
  to?: number;
  filters: Filters;
  user: string;
  /** The viewer's IANA zone: days start at its midnight. Wins over tzOffsetMinutes. */
  timeZone?: string;
  /** Minutes the viewer's zone is ahead of UTC (Tokyo: 540), so days start at the viewer's midnight (older clients). */
  tzOffsetMinutes?: number;
  /** Abandons the panel's queries (the client has gone away). */
  signal?: AbortSignal;
  /** MessageTrace rows kept under these filters (kept-rows.ts): the panel's filtered queries read them. */
  kept?: KeptRows;
}

/** A panel's data. `kql` is the query as run (filters applied), for "open in Explorer". */
export interface PanelResult {
  kql: string;
  result: QueryOutput;
  /** Names of the active filters this panel could not apply (its tables lack their columns): its numbers are unfiltered by them. */
  unfiltered: string[];
  /** stat: the value over the period before (same length). */
  previous?: unknown;
  /** stat: the sparkline rows. */
  sparkline?: QueryOutput;
  /** chart: the spans its `marks` query picked (Start, End, Label, Id). */
  marks?: QueryOutput;
  /** keywords: words with counts now and before. */
  terms?: TermCount[];
  /** Time bins of `${bin(...)}` in the query (or the stat's sparkline): bucket width and a bucket start, in ms. */
  bin?: BinSpec;
}

/** Time bins as run: every bucket starts at `originMs + k * stepMs`, or, when the clocks change in the range, at `starts`. */
export interface BinSpec {
  stepMs: number;
  originMs: number;
  /** Local days of unequal length (a DST change): each bucket's start, the first one at or before the range's start. */
  starts?: number[];
}

/** Values the placeholders of panel KQL stand for. */
export interface PanelEnvironment {
  /** organization.embargoedCountries, for `${embargoed}`. */
  embargoedCountries: readonly string[];
}

/** Bin width for time series: hours for a range up to 3 days, days beyond. */
export function binFor(from?: number, to?: number): '1h' | '1d' {
  if (from === undefined || to === undefined) return '1d';
  return to - from <= 3 * 86_400_000 ? '1h' : '1d';
}

type BinRequest = Pick<PanelRequest, 'from' | 'to' | 'tzOffsetMinutes' | 'timeZone'>;

/**
 * The bins `${bin(Column)}` stands for in this request: hours, or days from the viewer's midnight. With a zone,
 * the origin is the zone's midnight at the start of the range (so a day bin is the local day, DST included at
 * the range's start); hours then start on the local hour too (India, +05:30).
 */
export function binSpec(request: BinRequest): BinSpec {
  const bin = binFor(request.from, request.to);
  const stepMs = bin === '1h' ? 3_600_000 : 86_400_000;
  if (request.timeZone) {
    const at = request.from ?? request.to ?? Date.now();
    const hours =
      bin === '1h' && request.from !== undefined && request.to !== undefined
        ? localHourStarts(request.timeZone, request.from, request.to)
        : undefined;
    // Lord Howe's 30-minute DST moves the local hour against UTC: each bucket's start is listed.
    if (hours) return { stepMs, originMs: ((hours[0]! % stepMs) + stepMs) % stepMs, starts: hours };
    if (bin === '1h' && zoneOffsetMinutes(request.timeZone, at) % 60 === 0) return { stepMs, originMs: 0 };
    // The earliest bin start after the epoch: the same bins, and plain bin() for UTC.
    const midnight = startOfLocalDay(at, request.timeZone);
    const spec: BinSpec = { stepMs, originMs: ((midnight % stepMs) + stepMs) % stepMs };
    const starts =
      bin === '1d' && request.from !== undefined && request.to !== undefined
        ? localDayStarts(request.timeZone, midnight, request.from, request.to)
        : undefined;
    return starts ? { ...spec, starts } : spec;
  }
  const shift = Math.trunc(request.tzOffsetMinutes ?? 0);
  if (bin === '1h') return { stepMs, originMs: 0 };
  return { stepMs, originMs: shift === 0 ? 0 : -shift * 60_000 };
}

const BIN_PLACEHOLDER = /\$\{bin\((\w+)\)\}/;

/**
 * A panel query with its placeholders and the filters filled in. `${bin(Column)}` is a time bin of the
 * column (hours or days by the range; days start at the viewer's midnight), `${embargoed}` the embargoed countries.
 */
export function panelKql(
  kql: string,
  request: BinRequest & Pick<PanelRequest, 'filters'>,
  env: PanelEnvironment,
  binOrigin?: number,
): string {
  return filteredPanelKql(kql, request, env, binOrigin).kql;
}

/** panelKql, with the names of the filters the query could not take. */
export function filteredPanelKql(
  kql: string,
  request: Pick<PanelRequest, 'from' | 'to' | 'filters' | 'tzOffsetMinutes' | 'timeZone'>,
  env: PanelEnvironment,
  binOrigin?: number,
): { kql: string; unfiltered: string[] } {
  const bin = binFor(request.from, request.to);
  // Bins counted from `binOrigin`, else as binSpec says (days from a local midnight: 1970-01-01 00:00 local time).
  const origin = binOrigin ?? binSpec(request).originMs;
  const span = bin === '1d' && request.timeZone !== undefined ? clockChangeSpan(request.timeZone, request.from, request.to) : undefined;
  const hours =
    bin === '1h' && binOrigin === undefined && request.timeZone !== undefined && request.from !== undefined && request.to !== undefined
      ? localHourStarts(request.timeZone, request.from, request.to) && { zone: request.timeZone, from: request.from, to: request.to }
      : undefined;
  const text = kql
    .replace(new RegExp(BIN_PLACEHOLDER.source, 'g'), (_m, column: string) =>
      hours
        ? localHourBinKql(column, hours.zone, hours.from, hours.to)
        : span
          ? localDayBinKql(
              column,
              request.timeZone!,
              binOrigin ?? startOfLocalDay(request.from ?? request.to ?? Date.now(), request.timeZone!),
              span.start,
              span.end,
            )
          : origin === 0
            ? `bin(${column}, ${bin})`
            : `bin_at(${column}, ${bin}, datetime(${new Date(origin).toISOString()}))`,
    )
    .replaceAll('${embargoed}', `(${env.embargoedCountries.map((c) => kqlString(c)).join(', ') || '""'})`);
  return applyFilters(text, request.filters);
}

/**
 * The span to bin by the local calendar when the zone's clocks change in the range or in the period before it (a
 * stat compares with it): a day is then not always 24 hours. Without a range, the last 400 days.
 */
function clockChangeSpan(zone: string, from: number | undefined, to: number | undefined): { start: number; end: number } | undefined {
  const end = to ?? Date.now();
  const start = from === undefined ? end - 400 * 86_400_000 : from - (end - from);
  return offsetChangesWithin(zone, start, end) ? { start, end } : undefined;
}

/** A one-row, one-value result: the sum of a sparkline's value column (the same filters and range). */
function sumOfSparkline(sparkline: QueryOutput): QueryOutput {
  const value = sparkline.rows.reduce((total, row) => total + Number(row[row.length - 1] ?? 0), 0);
  const column = sparkline.columns[sparkline.columns.length - 1] ?? { name: 'Value', type: 'long' };
  return { ...sparkline, columns: [column], rows: [[value]], stats: { ...sparkline.stats, rows: 1, truncated: false } };
}

/**
 * A stat whose value is the sum of its sparkline, with the change against the period before, in one query:
 * the sparkline over both periods in bins that start at the range's start, so every bin falls wholly in one
 * period; the bins before the start sum to the previous value. Only with filters: then the cost of a query is
 * mostly finding the filtered rows, and one scan beats two; without them, counting the previous period
 * alone is cheaper than binning it. Undefined when that does not apply.
 */
async function statInOneQuery(
  run: RunQuery,
  queries: Pick<QueryService, 'answersFromSummaries'>,
  panel: Extract<Panel, { kind: 'stat' }>,
  request: PanelRequest,
  env: PanelEnvironment,
): Promise<Pick<PanelResult, 'result' | 'previous' | 'sparkline' | 'bin'> | undefined> {
  const { from, to } = request;
  if (!panel.valueIsSparklineSum || !panel.sparkline || !BIN_PLACEHOLDER.test(panel.sparkline) || from === undefined || to === undefined)
    return undefined;
  if (tableFilters(request.filters).length === 0) return undefined;
  // Bins from the range's start are not on the hour, so they read the rows. When the summary tables answer the
  // sparkline in its usual bins, and the value of the period before too (or that period is under two hours, a
  // short read of the rows), the two queries of the usual path cost next to nothing.
  const before = previousPeriod(from, to, request.timeZone).from;
  // One sender's mail is few rows: the one query over them (the rows are read by time) costs less than the summary
  // queries, which read the whole senders table (7 days of the 10.2M-row month: 13-19 ms against 33-41 ms).
  const oneSender = tableFilters(request.filters).some((f) => f.columns.includes('SenderAddress'));
  if (
    !oneSender &&
    queries.answersFromSummaries(panelKql(panel.sparkline, request, env), from, to) &&
    (to - from < 2 * 3_600_000 || queries.answersFromSummaries(panelKql(panel.kql, request, env), before, from))
  )
    return undefined;
  const both = await run(panelKql(panel.sparkline, request, env, from), before, to);
  const time = both.columns.findIndex((c) => c.type === 'datetime');
  if (time < 0 || both.stats.truncated) return undefined;
  const isCurrent = (row: unknown[]) => Date.parse(String(row[time])) >= from;
  const rows = both.rows.filter(isCurrent);
  const sparkline: QueryOutput = { ...both, rows, stats: { ...both.stats, rows: rows.length } };
  const previous = sumOfSparkline({ ...both, rows: both.rows.filter((r) => !isCurrent(r)) }).rows[0]![0];
  const bin: BinSpec = { stepMs: binSpec(request).stepMs, originMs: from };
  const starts = request.timeZone && bin.stepMs === 86_400_000 ? localDayStarts(request.timeZone, from, from, to) : undefined;
  return { result: sumOfSparkline(sparkline), previous, sparkline, bin: starts ? { ...bin, starts } : bin };
}

/**
 * The subjects a keywords panel counts words in, with their counts: as rows, or as one list of [subject, count]
 * (one JSON value to read instead of 20,000 rows: 7 days of the 10.2M-row month, 51 against 87 ms a period). One
 * more than are counted is read, to tell a cut list from a whole one (see subjectsPastTheCut); `byText` breaks ties
 * by the subject's text (1.2-1.3x slower on the demo month, so only when every subject read ties).
 */
export function keywordSubjectsKql(kql: string, as: 'rows' | 'list' = 'rows', byText = false): string {
  const rows = `${kql}\n| summarize Count = count() by Subject\n| top ${KEYWORD_SUBJECTS + 1} by Count${byText ? ', Subject asc' : ''}`;
  return as === 'rows' ? rows : `${rows}\n| summarize Subjects = make_list(pack_array(Subject, Count))`;
}

type Pairs = readonly (readonly [string, number])[];

/**
 * The subjects of a read that are the same on every read of the same range. A whole list is. Of a cut one (more than
 * KEYWORD_SUBJECTS read, or the rows cut short at the byte cap), those whose count passes the least count read: the
 * engine picks among the subjects tied at the cut as it likes, and on the demo month the words counted changed from
 * one load to the next. Undefined when every subject read ties (then they are read again ordered by their text).
 */
export function subjectsPastTheCut(pairs: Pairs, cutShort: boolean): Pairs | undefined {
  if (!cutShort && pairs.length <= KEYWORD_SUBJECTS) return pairs;
  const least = Math.min(...pairs.map(([, count]) => count));
  const kept = pairs.filter(([, count]) => count > least);
  return kept.length > 0 ? kept : undefined;
}

type RunQuery = (kql: string, from?: number, to?: number, rowLimit?: number) => Promise<QueryOutput>;

/**
 * The active filters a panel cannot apply: those none of its tables can take (an Indicators panel and a sender
 * filter), and every filter for the intel-matches panel, whose matches are computed apart from the filters.
 */
export function unfilteredBy(
  panel: Panel,
  request: Pick<PanelRequest, 'from' | 'to' | 'filters' | 'tzOffsetMinutes' | 'timeZone'>,
  env: PanelEnvironment,
): string[] {
  if (panel.kind === 'intel-matches') return tableFilters(request.filters).map((f) => f.name);
  const queries = [panel.kind === 'stat' && panel.valueIsSparklineSum && panel.sparkline ? panel.sparkline : panel.kql];
  if (panel.kind === 'stat' && panel.sparkline) queries.push(panel.sparkline);
  return [...new Set(queries.flatMap((q) => filteredPanelKql(q, request, env).unfiltered))];
}

/** Run a panel. */
export async function runPanel(
  queries: QueryService,
  store: Store,
  env: PanelEnvironment,
  panel: Panel,
  request: PanelRequest,
): Promise<PanelResult> {
  const out = await runPanelQueries(queries, store, env, panel, request);
  return { ...out, unfiltered: unfilteredBy(panel, request, env) };
}

async function runPanelQueries(
  queries: QueryService,
  store: Store,
  env: PanelEnvironment,
  panel: Panel,
  request: PanelRequest,
): Promise<Omit<PanelResult, 'unfiltered'>> {
  const runner =
    (kept: KeptRows | undefined): RunQuery =>
    (kql, from = request.from, to = request.to, rowLimit = PANEL_ROW_LIMIT) =>
      queries.run({ query: kql, from, to, user: request.user, rowLimit, signal: request.signal, ...(kept ? { kept } : {}) });
  // Queries with the request's filters may read its kept rows; others (a chart's marks) may not.
  const run = runner(request.kept);
  const previousRange =
    request.from !== undefined && request.to !== undefined ? previousPeriod(request.from, request.to, request.timeZone) : undefined;
  const kql = panelKql(panel.kql, request, env);

  if (panel.kind === 'stat') {
    const kqlShown = panel.explore ? panelKql(panel.explore, request, env) : kql;
    const combined = await statInOneQuery(run, queries, panel, request, env);
    if (combined) return { kql: kqlShown, ...combined };
    const sparklineKql = panel.sparkline ? panelKql(panel.sparkline, request, env) : undefined;
    const fromSparkline = panel.valueIsSparklineSum && sparklineKql !== undefined;
    const [ran, previous, sparkline] = await Promise.all([
      fromSparkline ? undefined : run(kql),
      previousRange ? run(kql, previousRange.from, previousRange.to) : undefined,
      sparklineKql ? run(sparklineKql) : undefined,
    ]);
    const result = ran ?? sumOfSparkline(sparkline!);
    const out: Omit<PanelResult, 'unfiltered'> = { kql: kqlShown, result };
    // A value that sums its sparkline is 0 over no rows, as the sum of an empty sparkline is (not SQL's NULL).
    if (previous) out.previous = previous.rows[0]?.[0] ?? (fromSparkline ? 0 : null);
    if (sparkline) out.sparkline = sparkline;
    if (BIN_PLACEHOLDER.test(panel.sparkline ?? '') || BIN_PLACEHOLDER.test(panel.kql)) out.bin = binSpec(request);
    return out;
  }

  if (panel.kind === 'keywords') {
    // As rows when the list alone would pass server.queryMaxBytes.
    const read = async (from: number | undefined, to: number | undefined, byText: boolean) => {
      const listed = await run(keywordSubjectsKql(kql, 'list', byText), from, to, 1);
      const list = listed.rows[0]?.[0];
      const out = listed.stats.truncated
        ? await run(keywordSubjectsKql(kql, 'rows', byText), from, to, KEYWORD_SUBJECTS + 1)
        : { ...listed, rows: (typeof list === 'string' ? JSON.parse(list) : (list ?? [])) as unknown[][] };
      const pairs = out.rows.map((row) => [String(row[0] ?? ''), Number(row[1] ?? 0)] as const);
      // Cut short: the rows read in place of a list too long, themselves cut at the byte cap.
      return { pairs, out, cutShort: Boolean(out.stats.truncated) };
    };
    const pairsOf = async (from?: number, to?: number) => {
      const first = await read(from, to, false);
      let pairs = subjectsPastTheCut(first.pairs, first.cutShort);
      let out = first.out;
      if (!pairs) {
        // Every subject read ties: the first by their text.
        const again = await read(from, to, true);
        pairs = [...again.pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, KEYWORD_SUBJECTS);
        out = again.out;
      }
      return { pairs, stats: { ...out.stats, rowLimit: KEYWORD_SUBJECTS } };
    };
    const [now, before] = await Promise.all([
      pairsOf(request.from, request.to),
      previousRange ? pairsOf(previousRange.from, previousRange.to) : undefined,
    ]);
    const terms = topTerms(countTerms(now.pairs), countTerms(before?.pairs ?? []), panel.top);
    return {
      kql: `${kql}\n| summarize Count = count() by Subject\n| top 100 by Count`,
      result: {
        columns: [
          { name: 'Term', type: 'string' },
          { name: 'Count', type: 'long' },
          { name: 'Previous', type: 'long' },
        ],
        rows: terms.map((t) => [t.term, t.count, t.previous]),
        stats: { ...now.stats, rows: terms.length },
      },
      terms,
    };
  }

  if (panel.kind === 'intel-matches') {
    const started = performance.now();
    const matches = await queries.runTask(request.user, request.signal, (signal) =>
      computeMatches(store, undefined, { from: request.from, to: request.to, minConfidence: panel.minConfidence, signal }),
    );
    const shown = matches.slice(0, PANEL_ROW_LIMIT);
    const columns = ['Entity', 'Type', 'Indicator', 'Confidence', 'Actor', 'Feed', 'Messages', 'FirstSeen', 'LastSeen'];
    const types = ['string', 'string', 'string', 'long', 'string', 'string', 'long', 'datetime', 'datetime'];
    return {
      kql,
      result: {
        columns: columns.map((name, i) => ({ name, type: types[i]! })),
        rows: shown.map((m) => [m.entity, m.type, m.indicator, m.confidence, m.actor, m.feed, m.messages, m.firstSeen, m.lastSeen]),
        stats: {
          elapsedMs: Math.round(performance.now() - started),
          rows: shown.length,
          truncated: matches.length > shown.length,
          rowLimit: PANEL_ROW_LIMIT,
        },
      },
    };
  }

  // A chart's marks are drawn whatever the chart shows: a failed or empty marks query leaves them out.
  const marksKql = panel.kind === 'chart' && panel.marks ? panelKql(panel.marks, { ...request, filters: {} }, env) : undefined;
  const [result, marks] = await Promise.all([run(kql), marksKql ? runner(undefined)(marksKql).catch(() => undefined) : undefined]);
  const out: Omit<PanelResult, 'unfiltered'> = { kql, result };
  if (BIN_PLACEHOLDER.test(panel.kql)) out.bin = binSpec(request);
  if (marks && marks.rows.length > 0) out.marks = marks;
  return out;
}
