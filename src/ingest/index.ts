/** Ingest of message-trace files into a store. */
export { ingestPaths } from './ingest.js';
export type { FileReport, IngestReport, IngestOptions, IngestProgress } from './ingest.js';
export { IngestStoppedError } from './ingest-errors.js';
export { listInputFiles, listInputs, InputPathError } from './walk.js';
export type { InputEntry } from './walk.js';
export { RejectWriter } from './reject-writer.js';
export { loadRecords } from './load-records.js';
export { BatchWriter } from './batch-writer.js';
export type { WriteCounts } from './batch-writer.js';
export type { RecordBatch } from './load-records.js';
export { recordImports, recentImports, importEntries } from './import-log.js';
export type { ImportEntry } from './import-log.js';
export { DEFAULT_ARCHIVE_LIMITS } from './archive-limits.js';
export type { ArchiveLimits } from './archive-limits.js';
