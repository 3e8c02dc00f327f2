/**
 * The store's files are private to the user running mailsift: the data folder is created 0700, the database
 * file and its write-ahead log are 0600, and the engine spills to a private folder beside them. DuckDB creates
 * files as 0666 less the umask (0644 usually), so they are created under a 0077 umask and narrowed afterwards.
 */
import { chmod, mkdir, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Files of a store at `path`: the database, its write-ahead log, its spill and staging folders. */
export function storeFiles(path: string): { db: string; wal: string; spill: string; stage: string } {
  return { db: path, wal: `${path}.wal`, spill: `${path}.tmp`, stage: `${path}.stage` };
}

/** Create the data folder (0700 when mailsift creates it) and, when the engine spills to its default place, that folder private. */
export async function prepareStoreFolder(path: string, defaultSpill: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  if (!defaultSpill) return;
  const { spill } = storeFiles(path);
  await mkdir(spill, { recursive: true, mode: 0o700 });
  await narrow(spill, 0o700);
}

/** Remove the spill folder once the engine has closed, when it is empty (the engine leaves a folder it did not create). */
export async function removeEmptySpill(path: string): Promise<void> {
  await rmdir(storeFiles(path).spill).catch(() => undefined);
}

/** Run `create` (which creates the database file) under a 0077 umask, where the process may change it. */
export async function withPrivateUmask<T>(create: () => Promise<T>): Promise<T> {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    // Worker threads may not change the umask: the chmod after opening still narrows the files.
  }
  try {
    return await create();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

/** Make the database file and its write-ahead log (when there is one) 0600. */
export async function narrowStoreFiles(path: string): Promise<void> {
  const { db, wal } = storeFiles(path);
  await narrow(db, 0o600);
  await narrow(wal, 0o600);
}

/** Make the write-ahead log 0600 when there is one. */
export async function narrowWal(path: string): Promise<void> {
  await narrow(storeFiles(path).wal, 0o600);
}

/** chmod, ignoring a file that is not there (a WAL comes and goes) or not ours to change. */
async function narrow(path: string, mode: number): Promise<void> {
  await chmod(path, mode).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' && error.code !== 'EPERM') throw error;
  });
}
