/**
 * Expands the paths given to `ingest` into the files to read: folders recursively, in a stable order,
 * symbolic links followed (a link to a folder already walked is not walked again). A path that can't be
 * read is an entry with its reason, not the end of the run.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { reason, type RejectReason } from '../formats/index.js';

/** A path that does not exist or can't be read: the message is the English text of `reason`. */
export class InputPathError extends Error {
  readonly code = 'INPUT_PATH';
  constructor(
    readonly reason: RejectReason,
    options?: { cause?: unknown },
  ) {
    super(reason.text, options);
    this.name = 'InputPathError';
  }
}

/** A file to read, or a path that could not be read and why. */
export interface InputEntry {
  path: string;
  /** Set when the path can't be read: the reason, one line. */
  error?: RejectReason;
}

/** A one-line reason for a file-system error on `path`. */
export function fsReason(error: unknown, what: 'file' | 'folder' | 'path' = 'path'): RejectReason {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return reason('no-such-path', { what });
    case 'EACCES':
    case 'EPERM':
      return reason('permission-denied', { what });
    case 'ELOOP':
      return reason('symlink-loop');
    case 'EISDIR':
      return reason('folder-not-file');
    case 'ENOTDIR':
      return reason('file-not-folder');
    case 'EMFILE':
    case 'ENFILE':
      return reason('too-many-open-files');
    case 'EIO':
      return reason('io-error');
    default:
      return reason('cannot-read-path', { what, detail: String((error as Error)?.message ?? error).split('\n')[0]! });
  }
}

/** Files under `paths` (files as given, folders recursively, hidden entries skipped), sorted within each folder. */
export async function listInputs(paths: readonly string[]): Promise<InputEntry[]> {
  const out: InputEntry[] = [];
  const walked = new Set<string>();
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (cause) {
      out.push({ path: p, error: fsReason(cause) });
      continue;
    }
    if (info.isDirectory()) await walk(p, out, walked);
    else if (info.isFile()) out.push({ path: p });
    else out.push({ path: p, error: reason('not-regular-file') });
  }
  return out;
}

/** Readable files under `paths`; throws InputPathError for the first path that can't be read. */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const entries = await listInputs(paths);
  const bad = entries.find((e) => e.error);
  if (bad) throw new InputPathError(reason('path-unreadable', { path: bad.path, cause: bad.error!.toJSON() }));
  return entries.map((e) => e.path);
}

async function walk(dir: string, out: InputEntry[], walked: Set<string>): Promise<void> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    if (walked.has(real)) return;
    walked.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    out.push({ path: dir, error: fsReason(cause, 'folder') });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out, walked);
    else if (e.isFile()) out.push({ path: full });
    else if (e.isSymbolicLink()) {
      let info;
      try {
        info = await stat(full);
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException)?.code;
        out.push({ path: full, error: code === 'ENOENT' ? reason('dangling-symlink') : fsReason(cause, 'file') });
        continue;
      }
      if (info.isDirectory()) await walk(full, out, walked);
      else if (info.isFile()) out.push({ path: full });
      else out.push({ path: full, error: reason('not-regular-file') });
    } else {
      out.push({ path: full, error: reason('not-regular-file') });
    }
  }
}
