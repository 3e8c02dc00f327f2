/** What ClickHouse can do. */
import type { DialectCapabilities } from '../dialect.js';

export const capabilities: DialectCapabilities = {
  distinctOn: false,
  aggregateFilter: false,
  // 18.16 has none (they came in 21.x).
  windowFunctions: false,
};
