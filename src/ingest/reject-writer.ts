/**
 * Writes rejected records to an NDJSON file, created on the first reject only. A reject file that can't be
 * written (no such folder, no permission, disk full) never stops the run: the error is kept for the report
 * and the rejects are still counted.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { reason, type RejectReason } from '../formats/index.js';

/** One rejected record as written: where it was, why (a stable code and the English text), and its raw text (cut at 2 KB). Line 0 is the whole file. */
export interface RejectRecord {
  file: string;
  line: number;
  code: string;
  reason: string;
  raw: string;
}

const RAW_LIMIT = 2048;

/** Appends rejects to `path`; nothing is created when there are none. */
export class RejectWriter {
  private handle: FileHandle | undefined;
  count = 0;
  /** Why the file could not be written, once it could not (English; `errorReason` is its code). */
  error: string | undefined;
  errorReason: RejectReason | undefined;

  constructor(readonly path: string) {}

  /** Record rejects. */
  async write(rejects: readonly RejectRecord[]): Promise<void> {
    if (rejects.length === 0) return;
    this.count += rejects.length;
    if (this.error) return;
    let text = '';
    for (const r of rejects) {
      text +=
        JSON.stringify({
          file: r.file,
          line: r.line,
          code: r.code,
          reason: r.reason,
          raw: r.raw.length > RAW_LIMIT ? r.raw.slice(0, RAW_LIMIT) : r.raw,
        }) + '\n';
    }
    try {
      if (!this.handle) {
        await mkdir(dirname(this.path), { recursive: true });
        this.handle = await open(this.path, 'a');
      }
      await this.handle.appendFile(text);
    } catch (cause) {
      this.fail(cause);
    }
  }

  private fail(cause: unknown): void {
    this.errorReason = writeReason(cause);
    this.error = this.errorReason.text;
  }

  /** Flush and close the file. */
  async close(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close().catch((cause: unknown) => {
      if (!this.error) this.fail(cause);
    });
  }
}

function writeReason(cause: unknown): RejectReason {
  const code = (cause as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return reason('disk-full');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return reason('write-permission-denied');
  if (code === 'EISDIR') return reason('is-a-folder');
  // EEXIST: mkdir of its folder found a file of that name in the way.
  if (code === 'ENOTDIR' || code === 'ENOENT' || code === 'EEXIST') return reason('folder-cannot-be-created');
  return reason('cannot-write', { detail: String((cause as Error)?.message ?? cause).split('\n')[0]! });
}
