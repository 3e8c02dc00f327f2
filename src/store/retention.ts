/** What retention removes: every table with a time column, by that column (the same list for every engine). */

/** Table -> the time column whose age decides a row's removal. Indicators are kept: feeds replace them. */
export const RETENTION_COLUMNS: Readonly<Record<string, string>> = {
  MessageTrace: 'Received',
  MessageEvents: 'Timestamp',
  Watchlist: 'Timestamp',
  Findings: 'To',
  IntelMatches: 'LastSeen',
};
