/** The recent imports of files that arrived without a command line (drop folder, upload), for the web app. */
import type { ReasonJson } from '../formats/index.js';
import type { Store } from '../store/index.js';
import type { FileReport, IngestReport } from './ingest.js';

/** One imported file and how it went: its report (error: why it could not be read at all), and where it came from. */
export type ImportEntry = Omit<FileReport, 'path'> & {
  /** The file's name as it arrived. */
  name: string;
  via: 'drop-folder' | 'upload';
  /** Who uploaded it (uploads only). */
  user?: string;
  at: string;
  /** Where the file went (drop folder: processed/ or rejected/) and where its rejected records are. */
  movedTo?: string;
  rejectFile?: string | null;
  /** Why its reject file could not be written (English), and the same as code and parameters for the reader's language. */
  rejectFileError?: string;
  rejectFileErrorReason?: ReasonJson;
};

export const IMPORT_LOG_KEY = 'imports';
const KEEP = 100;

// Entries of one process are added one at a time, so none is lost.
const queues = new WeakMap<Store, Promise<unknown>>();

/** The entries of a one-file report. */
export function importEntries(
  report: IngestReport,
  base: Omit<ImportEntry, 'format' | 'read' | 'ingested' | 'updated' | 'duplicates' | 'skipped' | 'rejected'>,
): ImportEntry[] {
  return report.files.map((f) => ({
    ...base,
    format: f.format,
    read: f.read,
    ingested: f.ingested,
    updated: f.updated,
    duplicates: f.duplicates,
    skipped: f.skipped,
    rejected: f.rejected,
    ...(f.error ? { error: f.error } : {}),
    ...(f.errorReason ? { errorReason: f.errorReason } : {}),
    rejectFile: report.rejectFile,
    ...(report.rejectFileError ? { rejectFileError: report.rejectFileError } : {}),
    ...(report.rejectFileErrorReason ? { rejectFileErrorReason: report.rejectFileErrorReason } : {}),
  }));
}

/** Add entries, newest first, keeping the last hundred. */
export function recordImports(store: Store, entries: readonly ImportEntry[]): Promise<void> {
  const run = async () => {
    const list = await recentImports(store);
    await store.setState(IMPORT_LOG_KEY, [...[...entries].reverse(), ...list].slice(0, KEEP));
  };
  const result = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(
    store,
    result.catch(() => undefined),
  );
  return result;
}

/** The recent imports, newest first. */
export async function recentImports(store: Store): Promise<ImportEntry[]> {
  const value = (await store.getState(IMPORT_LOG_KEY))?.value;
  return Array.isArray(value) ? (value as ImportEntry[]) : [];
}
