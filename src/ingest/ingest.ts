/**
 * The ingest run: paths -> files and archive members -> detected format -> parsed batches -> enrichment ->
 * store, with counts per file and rejects. A bad input (unreadable, empty, binary, an HTML page, an unknown
 * shape, a bad record) is rejected with its reason and the run goes on; only a store that can't be written
 * stops it (IngestStoppedError).
 */
import type { TraceRecord, TraceRow } from '../schema/index.js';
import type { DimensionEnricher, Store } from '../store/index.js';
import { stat } from 'node:fs/promises';
import {
  FORMATS,
  NotAnExportError,
  detectFormat,
  whyNotAnExport,
  type Format,
  type FormatName,
  type OpenedInput,
  type ReasonJson,
  reason,
  type RejectReason,
} from '../formats/index.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits.js';
import { BatchWriter, emptyCounts, type WriteCounts } from './batch-writer.js';
import { IngestStoppedError, storeFailureReason } from './ingest-errors.js';
import { RejectWriter } from './reject-writer.js';
import { sourcesOf, type Source } from './sources.js';
import { fsReason, listInputs } from './walk.js';

/** Counts of one file (or archive member), as `ingest --json` prints them. */
export interface FileReport {
  path: string;
  format: FormatName | null;
  read: number;
  ingested: number;
  updated: number;
  duplicates: number;
  /** Lines read and deliberately not stored (mailbox events of tracking logs). */
  skipped: number;
  rejected: number;
  /** Why the file as a whole was rejected or stopped being read (one line, English); absent when it was read to the end. */
  error?: string;
  /** The same reason as a stable code and its parameters, for reports in the reader's language. */
  errorReason?: ReasonJson;
  /** The first few distinct reasons of its rejected records (English text, code and parameters), with how many records each. */
  reasons?: ({ reason: string; count: number } & ReasonJson)[];
}

/** The whole run. */
export interface IngestReport {
  files: FileReport[];
  totals: { read: number; ingested: number; updated: number; duplicates: number; skipped: number; rejected: number; events: number };
  rejectFile: string | null;
  /** Why the reject file could not be written, when it could not (the rejects are still counted). */
  rejectFileError?: string;
  /** The same as code and parameters, for the reader's language. */
  rejectFileErrorReason?: ReasonJson;
}

/** Progress callbacks for a progress bar. */
export interface IngestProgress {
  onFileStart?(file: string, index: number, total: number, format: FormatName): void;
  onRecords?(read: number): void;
  /** A file is read; its new/updated/duplicate counts are final only in the returned report (rows of several files share transactions). */
  onFileDone?(report: FileReport): void;
  /** A transaction is committed: `committed` trace rows of this run are in the store. */
  onCommitted?(committed: number): void;
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
  /** Trace rows per store transaction, across files; larger batches load faster. */
  batchSize?: number;
  /** Smallest file the engine reads itself (below it, parsing into the shared transaction is faster). */
  fastPathMinBytes?: number;
  /** Compression-bomb limits for .gz and .zip inputs. */
  archiveLimits?: ArchiveLimits;
}

const DEFAULT_BATCH = 100_000;
const DEFAULT_FAST_PATH_MIN_BYTES = 1024 * 1024;
/** Distinct reject reasons kept per file in the report. */
const MAX_REASONS = 5;

/** Thrown inside the run when the store fails, to tell it from a problem with one input. */
class StoreFailure extends Error {
  constructor(readonly original: unknown) {
    super('store failure');
  }
}

/** One run's state. */
class Run {
  readonly report: IngestReport = {
    files: [],
    totals: { read: 0, ingested: 0, updated: 0, duplicates: 0, skipped: 0, rejected: 0, events: 0 },
    rejectFile: null,
  };
  readonly rejects: RejectWriter;
  readonly writer: BatchWriter;
  /** Each file's tally, filled in as its rows are committed. */
  readonly tallies = new Map<FileReport, WriteCounts>();
  /** Rows committed by the engine's own file reading (outside the writer). */
  engineCommitted = 0;
  index = 0;

  constructor(
    readonly options: IngestOptions,
    readonly total: number,
  ) {
    this.rejects = new RejectWriter(options.rejectFile);
    this.writer = new BatchWriter(options.store, options.enrich, options.batchSize ?? DEFAULT_BATCH, () =>
      options.progress?.onCommitted?.(this.committed),
    );
  }

  get committed(): number {
    return this.writer.committed + this.engineCommitted;
  }

  /** Add a finished file to the report. */
  done(out: FileReport): void {
    this.report.files.push(out);
    this.options.progress?.onFileDone?.(out);
  }

  /** The file as a whole is rejected: one reject (line 0) with the reason. */
  async rejectFile(out: FileReport, why: RejectReason, raw = ''): Promise<void> {
    out.error = why.text;
    out.errorReason = why.toJSON();
    out.rejected += 1;
    await this.rejects.write([{ file: out.path, line: 0, code: why.code, reason: why.text, raw: raw.slice(0, 200) }]);
  }

  /** Fill in the counts from the tallies and the totals. */
  settle(): void {
    for (const [out, t] of this.tallies) {
      out.ingested = t.ingested;
      out.updated = t.updated;
      out.duplicates = t.duplicates;
    }
    const totals = this.report.totals;
    for (const f of this.report.files)
      for (const k of ['read', 'ingested', 'updated', 'duplicates', 'skipped', 'rejected'] as const) totals[k] += f[k];
    totals.events = this.writer.counts.events;
    this.report.rejectFile = this.rejects.count > 0 && !this.rejects.error ? this.rejects.path : null;
    if (this.rejects.errorReason) {
      const why = reason('reject-file-not-written', { path: this.rejects.path, cause: this.rejects.errorReason.toJSON() });
      this.report.rejectFileError = why.text;
      this.report.rejectFileErrorReason = why.toJSON();
    }
  }
}

/**
 * Ingest every file under `paths`. Rows go to the store in transactions of `batchSize` rows across files: a
 * killed run leaves whole batches only, and the same ingest run again completes it.
 */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const entries = await listInputs(paths);
  const run = new Run(options, entries.length);
  try {
    for (const entry of entries) {
      if (entry.error) {
        const out = newReport(entry.path);
        await run.rejectFile(out, entry.error);
        run.done(out);
        continue;
      }
      for await (const source of sourcesOf(entry.path, options.archiveLimits ?? DEFAULT_ARCHIVE_LIMITS)) await ingestSource(source, run);
    }
    await run.writer.finish().catch((e: unknown) => {
      throw new StoreFailure(e);
    });
  } catch (error) {
    if (!(error instanceof StoreFailure)) throw error;
    await run.writer.settle();
    await run.rejects.close();
    run.settle();
    throw new IngestStoppedError(storeFailureReason(error.original, options.store.location, run.committed), run.report, {
      cause: error.original,
    });
  }
  await run.rejects.close();
  run.settle();
  return run.report;
}

function newReport(path: string): FileReport {
  return { path, format: null, read: 0, ingested: 0, updated: 0, duplicates: 0, skipped: 0, rejected: 0 };
}

/** A reason for an error met while opening or reading an input. */
function inputReason(error: unknown): RejectReason {
  if (error instanceof NotAnExportError) return error.reason;
  if ((error as NodeJS.ErrnoException)?.code) return fsReason(error, 'file');
  return reason('cannot-read', { detail: String((error as Error)?.message ?? error).split('\n')[0]! });
}

async function ingestSource(source: Source, run: Run): Promise<void> {
  const out = newReport(source.name);
  const index = run.index++;
  if (source.refused) {
    await run.rejectFile(out, source.refused);
    return run.done(out);
  }
  let input: OpenedInput;
  try {
    input = await source.open();
  } catch (error) {
    await run.rejectFile(out, inputReason(error));
    return run.done(out);
  }
  const format = pickFormat(input.head, run.options.format);
  if (!format) {
    await input.close();
    const why = whyNotAnExport(input.head) ?? reason('unknown-format', { formats: FORMATS.map((f) => f.name).join(', ') });
    await run.rejectFile(out, why, input.head);
    return run.done(out);
  }
  out.format = format.name;
  run.options.progress?.onFileStart?.(source.name, index, run.total, format.name);
  const engine = await engineReads(source, input, format, out, run);
  if (engine === 'stored') return run.done(out);
  const text = engine === 'declined' ? await reopen(source, out, run) : input;
  if (text) await parseInto(source, text, format, out, run);
  run.done(out);
}

/** Open a source again (after the engine declined it). */
async function reopen(source: Source, out: FileReport, run: Run): Promise<OpenedInput | undefined> {
  try {
    return await source.open();
  } catch (error) {
    await run.rejectFile(out, inputReason(error));
    return undefined;
  }
}

/**
 * The engine's fast path for large one-object-per-line PowerShell files. When it declines (changing
 * nothing), the input has been closed: the caller reopens it for the parser.
 */
async function engineReads(
  source: Source,
  input: OpenedInput,
  format: Format,
  out: FileReport,
  run: Run,
): Promise<'stored' | 'declined' | 'not-tried'> {
  const { store, dimensions } = run.options;
  if (format.name !== 'powershell' || !store.upsertTraceJsonLines || !dimensions || !source.file || !isJsonLines(input.head))
    return 'not-tried';
  const size = await stat(source.file).then(
    (s) => s.size,
    () => 0,
  );
  if (size < (run.options.fastPathMinBytes ?? DEFAULT_FAST_PATH_MIN_BYTES)) return 'not-tried';
  await input.close();
  let counts;
  try {
    // Rows queued from earlier files go first, so that a later file's status wins as it would row by row.
    await run.writer.finish();
    counts = await store.upsertTraceJsonLines(source.file, format.name, dimensions);
  } catch (error) {
    throw new StoreFailure(error);
  }
  if (!counts) return 'declined';
  Object.assign(out, counts);
  run.engineCommitted += counts.read;
  run.options.progress?.onRecords?.(counts.read);
  run.options.progress?.onCommitted?.(run.committed);
  return 'stored';
}

/** One JSON object per line (the first line is a whole object), rather than a pretty-printed document. */
function isJsonLines(head: string): boolean {
  const text = head.trimStart();
  const end = text.indexOf('\n');
  const first = (end < 0 ? text : text.slice(0, end)).trimEnd();
  return first.startsWith('{') && first.endsWith('}') && first.length > 2;
}

/** A file that holds no records on purpose: an empty Graph/OData page, an empty array, a CSV header alone. */
function explicitlyEmpty(head: string): boolean {
  const t = head.trim();
  return /^\[\s*\]$/.test(t) || /"(value|results)"\s*:\s*\[\s*\]/.test(t) || (!t.includes('\n') && t.includes(','));
}

async function parseInto(source: Source, input: OpenedInput, format: Format, out: FileReport, run: Run): Promise<void> {
  const tally = emptyCounts();
  run.tallies.set(out, tally);
  const reasons = new Map<string, { reason: string; count: number } & ReasonJson>();
  try {
    for await (const batch of format.parse({ file: source.name, chunks: input.chunks })) {
      if (batch.rejects.length) {
        out.rejected += batch.rejects.length;
        for (const r of batch.rejects) {
          const seen = reasons.get(r.reason);
          if (seen) seen.count++;
          else if (reasons.size < MAX_REASONS)
            reasons.set(r.reason, { reason: r.reason, count: 1, code: r.code, ...(r.params ? { params: r.params } : {}) });
        }
        await run.rejects.write(batch.rejects);
      }
      out.read = batch.read;
      out.skipped = batch.skipped;
      run.options.progress?.onRecords?.(batch.read);
      try {
        await run.writer.add(batch.traces, batch.events, tally);
      } catch (error) {
        throw new StoreFailure(error);
      }
    }
  } catch (error) {
    if (error instanceof StoreFailure) throw error;
    // The input failed part way (its bytes stopped decoding, the disk failed): what was read stays.
    await input.close();
    await run.rejectFile(out, reason('stopped-reading', { records: out.read, cause: inputReason(error).toJSON() }));
  }
  if (reasons.size) out.reasons = [...reasons.values()];
  if (!out.error && out.read === 0 && !explicitlyEmpty(input.head)) {
    await run.rejectFile(out, reason('no-records', { format: format.name, description: format.description }), input.head);
  }
}

function pickFormat(head: string, wanted: IngestOptions['format']): Format | undefined {
  if (wanted && wanted !== 'auto') return FORMATS.find((x) => x.name === wanted);
  return detectFormat(head);
}
