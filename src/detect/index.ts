/** Detections: rules that find incidents in the store, and the findings model (Findings table, states). */
export { runDetections, findingId } from './run-detections.js';
export type { RunDetectionsOptions } from './run-detections.js';
export { listFindings, getFinding, updateFindingState, findingHistory } from './findings-store.js';
export type { FindingFilter } from './findings-store.js';
export { RULE_IDS, SEVERITIES, FINDING_STATES, findingTitle } from './finding.js';
export type { Finding, FindingEntities, FindingState, RuleId, Severity, StoredFinding, TitleLanguage } from './finding.js';
export {
  DetectError,
  DetectConfigError,
  FindingNotFoundError,
  FindingStateError,
  DetectionRunError,
  DetectTimeError,
  WatchlistImportError,
} from './errors.js';
export { importWatchlist, parseWatchlist } from './watchlist-import.js';
export type { WatchlistImportReport } from './watchlist-import.js';
export { startDetections } from './start-detections.js';
export type { DetectionSchedule, StartDetectionsOptions } from './start-detections.js';
export { RULES } from './rules/index.js';
