/** What ClickHouse can do. */
import type { DialectCapabilities } from '../dialect.js';

export const capabilities: DialectCapabilities = {
  distinctOn: false,
  aggregateFilter: false,
};
