/** Expands the paths given to `ingest` into the files to read: folders recursively, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A path that does not exist or can't be read. */
export class InputPathError extends Error {
  readonly code = 'INPUT_PATH';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputPathError';
  }
}

/** Files under `paths` (files as given, folders recursively, hidden entries skipped), sorted within each folder. */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (cause) {
      throw new InputPathError(`${p}: no such file or folder`, { cause });
    }
    if (info.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}
