/** Helpers shared by the input formats: decoding, line splitting, CSV, streaming JSON, batches and rejects. */
export { openInput, decodeChunks, sniffBom, HEAD_CHARS } from './open-input.js';
export type { OpenedInput } from './open-input.js';
export { LineSplitter } from './line-splitter.js';
export { CsvReader, parseCsvLine } from './csv.js';
export type { CsvSink } from './csv.js';
export { JsonRecordReader } from './json-records.js';
export { JsonScanner } from './json-scanner.js';
export type { JsonPath, JsonKind, JsonSink, RecordSelector } from './json-sink.js';
export { jsonTraceBatches, MAX_FIELD_CHARS } from './json-batches.js';
export type { JsonRecordMapper } from './json-batches.js';
export { firstChar, firstKey, hasKeys, jsonHead, peekText, ENVELOPE_KEYS } from './json-head.js';
export { BatchBuilder, makeReject, BATCH_SIZE, MAX_RAW } from './reject.js';
export { fastTime } from './fast-time.js';
export { text, timeOf, sizeOf, statusOf, quoteValue, mepValue } from './fields.js';
export { pascalEvent, isPascalDetail } from './pascal-event.js';
export { pascalRecord } from './pascal-record.js';
export { UnknownFormatError, RecordError } from './errors.js';
