/**
 * Summary tables of MessageTrace that every store keeps exact at each write: rows and bytes per hour and per
 * combination of a few dimensions. The KQL planner answers a query from one of them when that gives exactly the
 * answer of the raw rows (see src/kql/plan); no query names them.
 */

/**
 * One summary table: MessageTrace counted per UTC hour or day (its `Received`, the start of the hour or day) and
 * `dimensions`.
 */
export interface TraceAggregateDef {
  readonly name: string;
  /** MessageTrace string columns it groups by, besides the time. */
  readonly dimensions: readonly string[];
  /** The length of its time buckets in ms: AGGREGATE_GRAIN_MS (an hour) or DAY_GRAIN_MS (a UTC day). */
  readonly grainMs: number;
}

/** The finest grain of the summary tables, and the one every time range is cut to: one hour, in ms. */
export const AGGREGATE_GRAIN_MS = 3_600_000;

/** The grain of the daily tables: one UTC day, in ms. */
export const DAY_GRAIN_MS = 86_400_000;

/** Measures of each summary row: the MessageTrace rows of its group and the sum of their Size. */
export const AGGREGATE_MEASURES = ['Rows', 'Bytes'] as const;

/**
 * The domain pair with the countries of the mail: a domain's mail comes from or goes to a few networks, so the
 * countries add about 5% to the domain pairs' rows (the demo month: 924,991 hourly rows against 879,669 without), and
 * the top sender domains and the distinct domains are then read from them under a country chip too.
 */
const DOMAINS = ['Status', 'Direction', 'SenderDomain', 'RecipientDomain', 'FromCountry', 'ToCountry'];
/**
 * Senders and subjects with the countries of their mail, for the per-sender pivot and the subject keywords under a
 * country chip: a sender's mail comes from one network and goes to a few (the demo month: 1.28x the hourly rows of
 * the senders alone, 1.21x the daily; subjects 1.40x the daily).
 */
const SUBJECTS = ['Status', 'Direction', 'Subject', 'FromCountry', 'ToCountry'];
const SENDERS = ['Status', 'Direction', 'SenderAddress', 'FromCountry', 'ToCountry'];
/**
 * The heavy senders without the countries: a busy sender writes to many countries (with them the demo month's heavy
 * senders are 2.6x the rows, and the unfiltered pivot read them 1.16-1.23x slower). A second heavy table keeps them
 * with the countries for the pivot under a country chip.
 */
const HEAVY_SENDERS = ['Status', 'Direction', 'SenderAddress'];
const COUNTRIES = ['Status', 'Direction', 'FromCountry', 'ToCountry'];

/**
 * The hourly tables smallest first: the planner takes the first whose dimensions cover the query. Countries answer
 * the maps and a country chip (about 7x the rows of the status table, 150x fewer than MessageTrace on the demo
 * month: a country pair is a few networks' worth of mail). Senders and subjects answer the Overview's per-sender
 * pivot and subject keywords (about 7x and 13x fewer rows than MessageTrace on the demo month). The tables of many
 * distinct values also have a daily twin (the same dimensions per UTC day, 0.4-0.6x the rows on a 98.5M-row month),
 * which answers the whole days of a query that does not group by time.
 */
export const TRACE_AGGREGATES: readonly TraceAggregateDef[] = [
  { name: 'MessageTraceHourly', dimensions: ['Status', 'Direction'], grainMs: AGGREGATE_GRAIN_MS },
  { name: 'MessageTraceHourlyCountries', dimensions: COUNTRIES, grainMs: AGGREGATE_GRAIN_MS },
  { name: 'MessageTraceHourlyDomains', dimensions: DOMAINS, grainMs: AGGREGATE_GRAIN_MS },
  { name: 'MessageTraceHourlySubjects', dimensions: SUBJECTS, grainMs: AGGREGATE_GRAIN_MS },
  { name: 'MessageTraceHourlySenders', dimensions: SENDERS, grainMs: AGGREGATE_GRAIN_MS },
  { name: 'MessageTraceDailyDomains', dimensions: DOMAINS, grainMs: DAY_GRAIN_MS },
  { name: 'MessageTraceDailySubjects', dimensions: SUBJECTS, grainMs: DAY_GRAIN_MS },
  { name: 'MessageTraceDailySenders', dimensions: SENDERS, grainMs: DAY_GRAIN_MS },
];

/**
 * A daily table cut to its heavy values of `key`: for every value held, all its rows of `of`, summed over the
 * dimensions of `of` it does not keep; held are at least the values with `minDayRows` rows or more on some UTC day
 * (once held, a value stays). So a value not held has fewer than `minDayRows` rows on every day, and at most
 * (minDayRows - 1) x D over a range touching D days: a `top N by` a count whose Nth value passes that is the same
 * on this table as on `of`, since every value that could reach it is held whole. The planner reads it then, and
 * `of` otherwise. On the demo month: 720 of 312,626 senders send 50 or more on some day (0.13x the daily senders
 * table's rows), 113 of 3,882 sender domains.
 */
export interface HeavyAggregateDef extends TraceAggregateDef {
  readonly of: string;
  readonly key: string;
  readonly minDayRows: number;
}

export const HEAVY_AGGREGATES: readonly HeavyAggregateDef[] = [
  {
    name: 'MessageTraceDailyHeavySenders',
    of: 'MessageTraceDailySenders',
    key: 'SenderAddress',
    dimensions: HEAVY_SENDERS,
    grainMs: DAY_GRAIN_MS,
    minDayRows: 50,
  },
  /**
   * The same senders with the countries of their mail, for the pivot under a country chip: on the demo month the top
   * 10 senders of the five busiest countries pass the bound over 30 days (the US's 10th: 8,230 rows against 1,470),
   * and this table is 0.28x the daily senders' rows. The planner takes the first heavy table that keeps the columns
   * a query reads, so an unfiltered pivot still reads the one above.
   */
  {
    name: 'MessageTraceDailyHeavySendersByCountry',
    of: 'MessageTraceDailySenders',
    key: 'SenderAddress',
    dimensions: SENDERS,
    grainMs: DAY_GRAIN_MS,
    minDayRows: 50,
  },
  {
    name: 'MessageTraceDailyHeavySenderDomains',
    of: 'MessageTraceDailyDomains',
    key: 'SenderDomain',
    dimensions: ['Status', 'Direction', 'SenderDomain'],
    grainMs: DAY_GRAIN_MS,
    minDayRows: 50,
  },
];

/**
 * The hourly rows of `of` (an hourly table) of every value the heavy table `heavy` holds: the hours around a range's
 * whole days, read for a top N from a heavy table. A value it also holds but `heavy` does not is counted there in
 * part only, as a value `heavy` lacks may be: the bound on those still holds.
 */
export interface HeavyHourlyDef extends TraceAggregateDef {
  readonly heavy: string;
  readonly of: string;
  readonly key: string;
}

export const HEAVY_HOURLY_AGGREGATES: readonly HeavyHourlyDef[] = [
  {
    name: 'MessageTraceHourlyHeavySenders',
    heavy: 'MessageTraceDailyHeavySenders',
    of: 'MessageTraceHourlySenders',
    key: 'SenderAddress',
    dimensions: HEAVY_SENDERS,
    grainMs: AGGREGATE_GRAIN_MS,
  },
];

/** The table of `grainMs` with the dimensions of `def`, if there is one. */
function twin(def: TraceAggregateDef, grainMs: number): TraceAggregateDef | undefined {
  return TRACE_AGGREGATES.find((d) => d.grainMs === grainMs && d.dimensions.join() === def.dimensions.join());
}

/** The hourly table with the dimensions of `def` (itself when it is hourly; every daily table has one). */
export function hourlyTwin(def: TraceAggregateDef): TraceAggregateDef {
  return twin(def, AGGREGATE_GRAIN_MS)!;
}

/** The daily table with the dimensions of `def`, if there is one. */
export function dailyTwin(def: TraceAggregateDef): TraceAggregateDef | undefined {
  return twin(def, DAY_GRAIN_MS);
}

/**
 * Distinct messages per hour, kept so that `dcount(MessageTraceId)` over any range of whole hours adds up: one row
 * per hour `Received` and `Previous`, the time of the same message's last row before that hour (NULL: none;
 * `Messages` then counts every such message of the hour), and for a message with an earlier row one row of its own
 * (`MessageTraceId`, `Messages` = 1). A message is first seen in a range starting at A in the hour whose Previous
 * is NULL or before A. Messages rarely have rows in two hours, so this holds about one row per hour.
 */
export const MESSAGE_AGGREGATE = { name: 'MessageTraceHourlyMessages' } as const;

/**
 * Distinct messages per hour under a filter on Status, Direction and the countries (a status, direction or country
 * chip on "Messages received"): a message is counted in a range where one of its rows passes the filter, in the hour
 * of the first such row. For each hour h a message has rows in, its *states* there are the distinct tuples of these
 * dimensions of those rows. A message with rows in one hour only (nearly all) is counted per hour and set of
 * states, without its id; a message with rows in two hours or more has an entry of its own per hour
 * (`MessageTraceId`, `Messages` = 1). The table holds one row per entry and state (a column per dimension),
 * `States` naming the entry's whole set (STATE_SEPARATOR between the states in order, VALUE_SEPARATOR between the
 * values inside each): a filter on the dimensions picks the rows of the states it passes, and an entry with such a
 * row is counted once.
 */
export const MESSAGE_STATE_AGGREGATE = {
  name: 'MessageTraceHourlyMessageStates',
  dimensions: ['Status', 'Direction', 'FromCountry', 'ToCountry'],
} as const;

/** Inside a state of MESSAGE_STATE_AGGREGATE's States: between its values, in the order of the dimensions. */
export const VALUE_SEPARATOR = '\u001f';
/** Between the states of an entry in MESSAGE_STATE_AGGREGATE's States, sorted by their text. */
export const STATE_SEPARATOR = '\u001e';

/** The name of every summary table: the counts, the heavy values and their hourly twins, the distinct messages. */
export const SUMMARY_TABLE_NAMES: readonly string[] = [
  ...TRACE_AGGREGATES,
  ...HEAVY_AGGREGATES,
  ...HEAVY_HOURLY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
].map((d) => d.name);
