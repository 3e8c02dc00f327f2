/** The message-trace input formats: detection by content, streaming parsers, and file opening. */
import type { Format, FormatName, ParsedBatch } from './format.js';
import { eacFormat } from './eac/index.js';
import { graphFormat } from './graph/index.js';
import { powershellFormat } from './powershell/index.js';
import { rwsFormat } from './rws/index.js';
import { trackingLogFormat } from './tracking-log/index.js';
import { openInput, UnknownFormatError } from './shared/index.js';

export type { Format, FormatName, ParsedBatch, ParseInput, Reject } from './format.js';
export {
  openInput,
  openStream,
  decodeChunks,
  UnknownFormatError,
  RecordError,
  NotAnExportError,
  whyNotAnExport,
  RejectReason,
  reason,
  reasonText,
  isReasonCode,
  HEAD_CHARS,
  BATCH_SIZE,
} from './shared/index.js';
export type { TextEncoding, ReasonCode, ReasonJson, ReasonLanguage, ReasonParam } from './shared/index.js';
export type { OpenedInput } from './shared/index.js';
export { graphFormat, graphRecordFromJson, graphEventFromJson } from './graph/index.js';
export { rwsFormat, rwsRecordFromJson } from './rws/index.js';
export { powershellFormat, powershellRecordFromJson } from './powershell/index.js';
export { eacFormat } from './eac/index.js';
export { trackingLogFormat } from './tracking-log/index.js';

/** Every format, in the order detection tries them. */
export const FORMATS: readonly Format[] = [graphFormat, rwsFormat, powershellFormat, eacFormat, trackingLogFormat];

/** The format whose detector accepts this decoded file start, if any. */
export function detectFormat(head: string): Format | undefined {
  return FORMATS.find((f) => f.detect(head));
}

/** The format of a name given by the user (`--format`). */
export function formatByName(name: FormatName): Format {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown format ${name}`);
  return f;
}

/** A file being parsed: its format, and its batches (iterate once). */
export interface ParsedFile extends AsyncIterable<ParsedBatch> {
  readonly path: string;
  readonly format: Format;
}

/**
 * Open a file and parse it in the given format, or in the one its content shows.
 * Throws UnknownFormatError when no format recognises it.
 */
export async function parseFile(path: string, format?: FormatName): Promise<ParsedFile> {
  const input = await openInput(path);
  const chosen = format ? formatByName(format) : detectFormat(input.head);
  if (!chosen) {
    await input.close();
    throw new UnknownFormatError(
      path,
      FORMATS.map((f) => f.name),
    );
  }
  const batches = chosen.parse({ file: path, chunks: input.chunks });
  return {
    path,
    format: chosen,
    [Symbol.asyncIterator]: () => batches[Symbol.asyncIterator](),
  };
}
