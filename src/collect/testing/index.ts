/** Test doubles of the collectors' outside world: a fake Microsoft (identity, Graph, Reporting Web Service) and a controllable clock. */
export { startFakeMicrosoft } from './fake-microsoft.js';
export type { FakeMicrosoft, FakeMicrosoftOptions, FakeTenant, FakeAppSetup, Fault, FaultTarget, LoggedRequest } from './fake-microsoft.js';
export { FakeClock } from './fake-clock.js';
export { MemoryDataset, SyntheticDataset } from './fake-dataset.js';
export type { FakeTrace, FakeTraceView, TraceDataset } from './fake-dataset.js';
export { FakeIdentity, SCOPES, thumbprintOf } from './fake-identity.js';
export type { FakeApp } from './fake-identity.js';
export {
  TENANT_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  graphEntry,
  rwsEntry,
  fakeTrace,
  spreadTraces,
  expectedRows,
  storedRows,
} from './scenario-kit.js';
export type { KeyedRow } from './scenario-kit.js';
export { startHarness } from './collect-harness.js';
export type { Harness, HarnessOptions } from './collect-harness.js';
