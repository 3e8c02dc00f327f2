/** What ClickHouse can do (the subset ClickHouse 18.16, Debian's package, shares with current releases). */
import type { DialectCapabilities } from '../dialect.js';

export const capabilities: DialectCapabilities = {
  distinctOn: false,
  aggregateFilter: false,
  // 18.16 has no query parameters ({p:Type} fails with "Unknown setting param_p"): values are inlined.
  boundParameters: false,
  // The store's tables carry a version column beside the KQL columns.
  selectStar: false,
  // An alias hides the column of its name in the whole SELECT (no prefer_column_name_to_alias in 18.16).
  aliasesShadowColumns: true,
  // 18.16 has none (they came in 21.x).
  windowFunctions: false,
  // 18.16 has no LATERAL joins (no current release has them either).
  lateralJoins: false,
  // 18.16 merges the ON's key columns of both sides: reading the right one by name fails ("Not found column") or
  // crashes the server (a LEFT JOIN's), and an unmatched right row fills the left one.
  mergedJoinKeys: true,
  // Every read of MessageTrace de-duplicates row versions (FINAL), and the summaries merge theirs: reading twice costs.
  cheapReread: false,
};
