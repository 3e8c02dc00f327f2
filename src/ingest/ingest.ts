/** The ingest run: files -> detected format -> parsed batches -> enrichment -> store, with counts and rejects. */
import type { TraceRecord, TraceRow } from '../schema/index.js';
import type { DimensionEnricher, Store } from '../store/index.js';
import { BatchWriter } from './batch-writer.js';
import { FORMATS, UnknownFormatError, detectFormat, openInput, type Format, type FormatName } from '../formats/index.js';
import { RejectWriter } from './reject-writer.js';
import { listInputFiles } from './walk.js';

/** Counts of one file, as `ingest --json` prints them. */
export interface FileReport {
  path: string;
  format: FormatName | null;
  read: number;
  ingested: number;
  updated: number;
  duplicates: number;
  rejected: number;
  error?: string;
}

/** The whole run. */
export interface IngestReport {
  files: FileReport[];
  totals: { read: number; ingested: number; updated: number; duplicates: number; rejected: number; events: number };
  rejectFile: string | null;
}

/** Progress callbacks for a progress bar. */
export interface IngestProgress {
  onFileStart?(file: string, index: number, total: number, format: FormatName): void;
  onRecords?(read: number): void;
  onFileDone?(report: FileReport): void;
}

export interface IngestOptions {
  store: Store;
  /** Adds domains, direction, geography to parsed records. */
  enrich: (records: TraceRecord[]) => TraceRow[];
  /** The same enrichment for distinct values, for engines that read files themselves (see Store.upsertTraceJsonLines). */
  dimensions?: DimensionEnricher;
  /** Where rejected records go (created only when there are some). */
  rejectFile: string;
  format?: FormatName | 'auto';
  progress?: IngestProgress;
  /** Rows per store transaction; larger batches load faster. */
  batchSize?: number;
}

const DEFAULT_BATCH = 100_000;

/** Ingest every file under `paths`. Each batch is one transaction: a killed run leaves whole batches only, and a re-run completes it. */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const files = await listInputFiles(paths);
  const rejects = new RejectWriter(options.rejectFile);
  const report: IngestReport = {
    files: [],
    totals: { read: 0, ingested: 0, updated: 0, duplicates: 0, rejected: 0, events: 0 },
    rejectFile: null,
  };
  try {
    for (const [index, file] of files.entries()) {
      const fileReport = await ingestFile(file, index, files.length, options, rejects, report);
      report.files.push(fileReport);
      for (const k of ['read', 'ingested', 'updated', 'duplicates', 'rejected'] as const) report.totals[k] += fileReport[k];
      options.progress?.onFileDone?.(fileReport);
    }
  } finally {
    await rejects.close();
  }
  report.rejectFile = rejects.count > 0 ? rejects.path : null;
  return report;
}

async function ingestFile(
  file: string,
  index: number,
  total: number,
  options: IngestOptions,
  rejects: RejectWriter,
  report: IngestReport,
): Promise<FileReport> {
  const out: FileReport = { path: file, format: null, read: 0, ingested: 0, updated: 0, duplicates: 0, rejected: 0 };
  const input = await openInput(file);
  const format = pickFormat(file, input.head, options.format);
  if (!format) {
    await input.close();
    out.error = new UnknownFormatError(
      file,
      FORMATS.map((f) => f.name),
    ).message;
    return out;
  }
  out.format = format.name;
  options.progress?.onFileStart?.(file, index, total, format.name);
  if (format.name === 'powershell' && options.store.upsertTraceJsonLines && options.dimensions && isJsonLines(input.head)) {
    // The engine reads the file itself; it declines (changing nothing) when a record needs the parser.
    await input.close();
    const counts = await options.store.upsertTraceJsonLines(file, format.name, options.dimensions);
    if (counts) {
      Object.assign(out, counts);
      options.progress?.onRecords?.(counts.read);
      return out;
    }
    return parseAndWrite(file, await openInput(file), format, out, options, rejects, report);
  }
  return parseAndWrite(file, input, format, out, options, rejects, report);
}

/** One JSON object per line (the first line is a whole object), rather than a pretty-printed document. */
function isJsonLines(head: string): boolean {
  const text = head.trimStart();
  const end = text.indexOf('\n');
  const first = (end < 0 ? text : text.slice(0, end)).trimEnd();
  return first.startsWith('{') && first.endsWith('}') && first.length > 2;
}

async function parseAndWrite(
  file: string,
  input: Awaited<ReturnType<typeof openInput>>,
  format: Format,
  out: FileReport,
  options: IngestOptions,
  rejects: RejectWriter,
  report: IngestReport,
): Promise<FileReport> {
  const writer = new BatchWriter(options.store, options.enrich, options.batchSize ?? DEFAULT_BATCH);
  try {
    for await (const batch of format.parse({ file, chunks: input.chunks })) {
      if (batch.rejects.length) {
        out.rejected += batch.rejects.length;
        await rejects.write(batch.rejects);
      }
      out.read = batch.read;
      options.progress?.onRecords?.(batch.read);
      await writer.add(batch.traces, batch.events);
    }
    const counts = await writer.finish();
    out.ingested = counts.ingested;
    out.updated = counts.updated;
    out.duplicates = counts.duplicates;
    report.totals.events += counts.events;
  } catch (error) {
    await writer.settle();
    throw error;
  }
  return out;
}

function pickFormat(file: string, head: string, wanted: IngestOptions['format']): Format | undefined {
  if (wanted && wanted !== 'auto') {
    const f = FORMATS.find((x) => x.name === wanted);
    if (!f)
      throw new UnknownFormatError(
        file,
        FORMATS.map((x) => x.name),
      );
    return f;
  }
  return detectFormat(head);
}
