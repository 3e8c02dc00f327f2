/**
 * Summary tables of MessageTrace that every store keeps exact at each write: rows and bytes per hour and per
 * combination of a few dimensions. The KQL planner answers a query from one of them when that gives exactly the
 * answer of the raw rows (see src/kql/plan); no query names them.
 */

/** One summary table: MessageTrace counted per UTC hour (its `Received`, the hour's start) and `dimensions`. */
export interface TraceAggregateDef {
  readonly name: string;
  /** MessageTrace string columns it groups by, besides the hour. */
  readonly dimensions: readonly string[];
}

/** The grain of every summary table: one hour, in ms. */
export const AGGREGATE_GRAIN_MS = 3_600_000;

/** Measures of each summary row: the MessageTrace rows of its group and the sum of their Size. */
export const AGGREGATE_MEASURES = ['Rows', 'Bytes'] as const;

/**
 * Smallest first: the planner takes the first whose dimensions cover the query. Senders and subjects answer the
 * Overview's per-sender pivot and subject keywords (about 7x and 13x fewer rows than MessageTrace on the demo month).
 */
export const TRACE_AGGREGATES: readonly TraceAggregateDef[] = [
  { name: 'MessageTraceHourly', dimensions: ['Status', 'Direction'] },
  { name: 'MessageTraceHourlyDomains', dimensions: ['Status', 'Direction', 'SenderDomain', 'RecipientDomain'] },
  { name: 'MessageTraceHourlySubjects', dimensions: ['Status', 'Direction', 'Subject'] },
  { name: 'MessageTraceHourlySenders', dimensions: ['Status', 'Direction', 'SenderAddress'] },
];

/**
 * Distinct messages per hour, kept so that `dcount(MessageTraceId)` over any range of whole hours adds up: one row
 * per hour `Received` and `Previous`, the time of the same message's last row before that hour (NULL: none;
 * `Messages` then counts every such message of the hour), and for a message with an earlier row one row of its own
 * (`MessageTraceId`, `Messages` = 1). A message is first seen in a range starting at A in the hour whose Previous
 * is NULL or before A. Messages rarely have rows in two hours, so this holds about one row per hour.
 */
export const MESSAGE_AGGREGATE = { name: 'MessageTraceHourlyMessages' } as const;
