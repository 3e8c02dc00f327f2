/** What DuckDB can do. */
import type { DialectCapabilities } from '../dialect.js';

export const capabilities: DialectCapabilities = {
  distinctOn: true,
  windowFunctions: true,
  aggregateFilter: true,
  boundParameters: true,
  aliasesShadowColumns: false,
  selectStar: true,
  mergedJoinKeys: false,
  lateralJoins: true,
  cheapReread: true,
};
