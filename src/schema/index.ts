/** The event model: tables, columns, statuses, row shapes. Imports nothing internal. */
export type { ColumnType, ColumnDef, TableDef } from './types.js';
export {
  STATUSES,
  TRANSIENT_STATUSES,
  EVENT_STATUS,
  normalizeStatus,
  statusSupersedes,
  statusAliases,
  STATUS_LABELS_JA,
  statusLabel,
} from './status.js';
export type { Status } from './status.js';
export { MessageTrace, MessageEvents, Indicators, Findings, Watchlist, IntelMatches, TABLES } from './tables.js';
export type { TraceRecord, TraceEnrichment, TraceRow, EventRow, IndicatorRow, WatchlistRow, IntelMatchRow } from './rows.js';
export { normalizeAddress, domainOf } from './address.js';
export { FILTER_NAMES, FILTER_COLUMNS } from './filter-names.js';
export type { FilterName, Filters } from './filter-names.js';
export { normalizeTraceId, isNormalTraceId, GUID_DIGITS } from './trace-id.js';
export { RULE_IDS, SEVERITIES, FINDING_STATES, FINDING_ACTIVITY_KINDS } from './findings.js';
export type {
  RuleId,
  Severity,
  FindingState,
  FindingRow,
  StoredFindingRow,
  FindingStateChange,
  FindingListFilter,
  FindingActivityKind,
  FindingActivityRow,
  FindingActivityFilter,
} from './findings.js';
export { parseTime, formatTime } from './time.js';
export {
  AGGREGATE_GRAIN_MS,
  AGGREGATE_MEASURES,
  DAY_GRAIN_MS,
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
  VALUE_SEPARATOR,
  STATE_SEPARATOR,
  SUMMARY_TABLE_NAMES,
  TRACE_AGGREGATES,
  dailyTwin,
  hourlyTwin,
} from './aggregates.js';
export type { HeavyAggregateDef, HeavyHourlyDef, TraceAggregateDef } from './aggregates.js';
