/** Collectors of message trace from Microsoft 365 (Graph, Reporting Web Service): auth, windows, paging, throttling, checkpoints. */
export {
  runCollectorsOnce,
  startCollectors,
  createCollectors,
  fetchMessageDetails,
  collectorStatus,
  testConnection,
} from './collectors.js';
export { testCollectorConnection, CONNECTION_STEPS } from './test-connection.js';
export { collectorFailureText, COLLECTOR_FAILURES_JA } from './failure-kind.js';
export type { ConnectionTest, ConnectionStep, ConnectionStepName } from './test-connection.js';
export type { CollectorsOptions, CollectorScheduler } from './collectors.js';
export type { Collector, CollectorDeps, PassReport, WindowReport } from './collector.js';
export type { CollectorStatus } from './collector-status.js';
export { parseCollectorConfigs, COLLECTOR_TYPES, GRAPH_LIMITS, RWS_LIMITS } from './collector-config.js';
export type { CollectorConfig, GraphCollectorConfig, RwsCollectorConfig } from './collector-config.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { MESSAGE_TRACE_APP_ID } from './graph-source.js';
export {
  CollectorError,
  CollectorConfigError,
  CollectorAuthError,
  CollectorPermissionError,
  CollectorRequestError,
  CollectorResponseError,
  CollectorUnavailableError,
  CollectorNotFoundError,
} from './errors.js';
