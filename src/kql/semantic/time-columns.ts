/** The datetime column of each table that a query's time range restricts; the one place this is defined. */

/**
 * Column a `timeRange` applies to, per table. Indicators have no event time (a feed's indicator stays
 * valid across ranges), so a time range does not restrict them.
 */
export const TIME_COLUMNS: Readonly<Record<string, string | undefined>> = {
  MessageTrace: 'Received',
  MessageEvents: 'Timestamp',
  Watchlist: 'Timestamp',
  Findings: 'From',
  Indicators: undefined,
  // Matches are computed over all mail; a range keeps the entities last seen in it.
  IntelMatches: 'LastSeen',
};
