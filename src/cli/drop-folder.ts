/**
 * The drop folder (`ingest: { watch: ./inbox }`): `serve` ingests every file that appears there once it is
 * completely written (size and modification time unchanged for `settle`), then moves it to processed/ or,
 * when anything in it was rejected, to rejected/ beside a NAME.rejects.ndjson of its own.
 */
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Enricher } from '../enrich/index.js';
import type { ImportEntry, IngestReport } from '../ingest/index.js';
import type { Store } from '../store/index.js';

export interface DropFolderOptions {
  dir: string;
  store: Store;
  enricher(): Promise<Enricher>;
  /** How long a file must stay unchanged before it is read (default 2 s). */
  settleMs?: number;
  /** Between looks at the folder (default 1 s). */
  pollMs?: number;
  onImport?(entry: ImportEntry): void;
  onError?(error: unknown): void;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

/** Watch `dir` until stop(); one file is ingested at a time. */
export async function startDropFolder(o: DropFolderOptions): Promise<{ stop(): Promise<void> }> {
  await mkdir(join(o.dir, 'processed'), { recursive: true });
  await mkdir(join(o.dir, 'rejected'), { recursive: true });
  const settle = o.settleMs ?? 2000;
  const seen = new Map<string, Seen>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const look = async () => {
    const now = Date.now();
    const names = (await readdir(o.dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
    for (const name of [...seen.keys()]) if (!names.includes(name)) seen.delete(name);
    for (const name of names.sort()) {
      if (stopped) return;
      const info = await stat(join(o.dir, name)).catch(() => undefined);
      if (!info) continue;
      const before = seen.get(name);
      // Polling rather than fs.watch: it sees files copied in by any means (scp, SMB, a script) the same way.
      if (!before || before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
        seen.set(name, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        continue;
      }
      if (now - before.since < settle) continue;
      seen.delete(name);
      await ingestDropped(o, name);
    }
  };
  const loop = () => {
    if (stopped) return;
    current = look()
      .catch((e: unknown) => o.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.pollMs ?? 1000);
      });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function ingestDropped(o: DropFolderOptions, name: string): Promise<void> {
  const { ingestPaths, importEntries, recordImports, IngestStoppedError } = await import('../ingest/index.js');
  const path = join(o.dir, name);
  const enricher = await o.enricher();
  const at = new Date().toISOString();
  let report: IngestReport;
  try {
    report = await ingestPaths([path], {
      store: o.store,
      enrich: (r) => enricher.enrich(r),
      dimensions: enricher,
      rejectFile: join(o.dir, 'rejected', `${name}.rejects.ndjson`),
    });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    // The store stopped the run: its reason, for the log and the web app to word in their reader's language.
    const errorReason = e instanceof IngestStoppedError ? e.reason.toJSON() : undefined;
    report = {
      files: [
        {
          path,
          format: null,
          read: 0,
          ingested: 0,
          updated: 0,
          duplicates: 0,
          skipped: 0,
          rejected: 0,
          error,
          ...(errorReason ? { errorReason } : {}),
        },
      ],
      totals: { read: 0, ingested: 0, updated: 0, duplicates: 0, skipped: 0, rejected: 0, events: 0 },
      rejectFile: null,
    };
  }
  const bad = report.totals.rejected > 0 || report.files.some((f) => f.error);
  const movedTo = join(bad ? 'rejected' : 'processed', await freeName(join(o.dir, bad ? 'rejected' : 'processed'), name));
  await rename(path, join(o.dir, movedTo));
  const [entry] = importEntries(report, { name, via: 'drop-folder', at, movedTo });
  const e = { ...entry!, rejectFile: report.rejectFile ? join('rejected', `${name}.rejects.ndjson`) : null };
  try {
    await recordImports(o.store, [e]);
  } finally {
    // Also when the store that stopped the run refuses the record: the log says why the file was not stored.
    o.onImport?.(e);
  }
}

/** `name`, or `name` with a time prefix when a file of that name was already processed. */
async function freeName(dir: string, name: string): Promise<string> {
  const taken = await stat(join(dir, name)).then(
    () => true,
    () => false,
  );
  return taken ? `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}` : name;
}
