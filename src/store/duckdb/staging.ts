/**
 * Temporary JSON files through which batches reach DuckDB (its JSON reader is far faster than row-by-row
 * appends). They hold message data, so they live in a private folder (0700) as private files (0600): the
 * store's own `<store>.stage/` folder, or for an in-memory store a fresh folder under the system temp folder.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Name prefix of staging folders under the system temp folder; the pid of their process follows. */
const TEMP_PREFIX = 'mailsift-stage-';

/** A folder of staging files that is removed when the store closes. */
export class StagingArea {
  private dir: string | undefined;

  /** `home`: the store's own staging folder; without one, a private folder under the system temp folder. */
  constructor(private readonly home?: string) {}

  /** Write rows as one JSON array (a single native stringify is the fastest way out of V8) and return its path. */
  async write(rows: readonly object[]): Promise<string> {
    this.dir ??= this.home ? await privateFolder(this.home) : await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
    const path = join(this.dir, `${randomBytes(6).toString('hex')}.json`);
    await writeFile(path, JSON.stringify(rows), { mode: 0o600 });
    return path;
  }

  /** Remove one staging file. */
  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** Remove the whole folder. */
  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

/** `path` as a folder only its owner can enter (created, or narrowed when it exists). */
async function privateFolder(path: string): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
  return path;
}

/**
 * Remove what runs that were killed left behind: the store's own staging folder (call this only while
 * holding the store's lock, so no other process is using it) and this user's staging folders under the
 * system temp folder whose process is gone.
 */
export async function removeStaleStaging(home?: string): Promise<void> {
  if (home) await rm(home, { recursive: true, force: true });
  const temp = tmpdir();
  const uid = process.getuid?.();
  for (const name of await readdir(temp).catch(() => [] as string[])) {
    const pid = Number(/^mailsift-stage-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    const path = join(temp, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() && (uid === undefined || info.uid === uid)) await rm(path, { recursive: true, force: true });
  }
}

/** Whether a process with this id exists (a process of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
