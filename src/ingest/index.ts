/** Ingest of message-trace files into a store. */
export { ingestPaths, UnknownFormatError } from './ingest.js';
export type { FileReport, IngestReport, IngestOptions, IngestProgress } from './ingest.js';
export { listInputFiles, InputPathError } from './walk.js';
export { RejectWriter } from './reject-writer.js';
