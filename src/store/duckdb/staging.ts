/** Temporary JSON files through which batches reach DuckDB (its JSON reader is far faster than row-by-row appends). */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory of staging files that is removed when the store closes. */
export class StagingArea {
  private dir: string | undefined;

  constructor(private readonly parent: string = tmpdir()) {}

  /** Write rows as one JSON array (a single native stringify is the fastest way out of V8) and return its path. */
  async write(rows: readonly object[]): Promise<string> {
    if (!this.dir) {
      this.dir = join(this.parent, `mailsift-stage-${process.pid}-${randomBytes(4).toString('hex')}`);
      await mkdir(this.dir, { recursive: true });
    }
    const path = join(this.dir, `${randomBytes(6).toString('hex')}.json`);
    await writeFile(path, JSON.stringify(rows));
    return path;
  }

  /** Remove one staging file. */
  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** Remove the whole directory. */
  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
