/** Writes rejected records to an NDJSON file, created on the first reject only. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One rejected record as written: where it was, why, and its raw text (cut at 2 KB). */
export interface RejectRecord {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

const RAW_LIMIT = 2048;

/** Appends rejects to `path`; nothing is created when there are none. */
export class RejectWriter {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string) {}

  /** Record rejects. */
  async write(rejects: readonly RejectRecord[]): Promise<void> {
    if (rejects.length === 0) return;
    if (!this.stream) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path, { flags: 'a' });
    }
    let text = '';
    for (const r of rejects) {
      text +=
        JSON.stringify({
          file: r.file,
          line: r.line,
          reason: r.reason,
          raw: r.raw.length > RAW_LIMIT ? r.raw.slice(0, RAW_LIMIT) : r.raw,
        }) + '\n';
    }
    this.count += rejects.length;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream!.once('drain', () => resolve()));
  }

  /** Flush and close the file. */
  async close(): Promise<void> {
    const s = this.stream;
    if (!s) return;
    this.stream = undefined;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
