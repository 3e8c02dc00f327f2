/**
 * What one input file holds to be read: itself, its decompressed text (.gz), or each member of a .zip
 * (named `archive.zip!member` in reports and rejects). Compression is told by the file's first bytes, so a
 * renamed archive is read too.
 */
import { open as openFile } from 'node:fs/promises';
import { openInput, openStream, reason, type OpenedInput, type RejectReason } from '../formats/index.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits.js';
import { gunzip, gunzipFile } from './gunzip.js';
import { fsReason } from './walk.js';
import { zipMembers } from './zip-members.js';

/** Something to parse: a file, or a part of one. */
export interface Source {
  /** Name in reports and rejects: the path, or `archive.zip!member`. */
  name: string;
  /** The file on disk when the source is the plain file itself (engines may read it directly). */
  file?: string;
  /** Set when the source is refused before reading: the reason. */
  refused?: RejectReason;
  /** Open the decoded text (throws NotAnExportError, or a file-system error, when it can't be read). */
  open(): Promise<OpenedInput>;
}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const refusedSource = (name: string, refused: RejectReason): Source => ({
  name,
  refused,
  open: () => Promise.reject(new Error(refused.text)),
});

/** The sources of one readable file. */
export async function* sourcesOf(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): AsyncGenerator<Source> {
  let magic: Uint8Array;
  try {
    magic = await firstBytes(path);
  } catch (cause) {
    yield refusedSource(path, fsReason(cause, 'file'));
    return;
  }
  if (starts(magic, GZIP)) {
    yield { name: path, open: () => openStream(gunzipFile(path, limits), () => undefined) };
    return;
  }
  if (!starts(magic, ZIP) && !starts(magic, EMPTY_ZIP)) {
    yield { name: path, file: path, open: () => openInput(path) };
    return;
  }
  let members;
  try {
    members = zipMembers(path, limits);
    let any = false;
    for await (const m of members) {
      any = true;
      const name = `${path}!${m.name}`;
      if (m.refused || !m.open) {
        yield refusedSource(name, m.refused ?? reason('refused'));
        continue;
      }
      const openMember = m.open;
      const gz = /\.gz$/i.test(m.name);
      yield {
        name,
        open: async () => {
          const bytes = await openMember();
          return openStream(gz ? gunzip(bytes, limits) : bytes, () => (bytes as unknown as { destroy?: () => void }).destroy?.());
        },
      };
    }
    if (!any) yield refusedSource(path, reason('empty-archive'));
  } catch (cause) {
    yield refusedSource(path, reason('damaged-zip', { detail: String((cause as Error)?.message ?? cause).split('\n')[0]! }));
  }
}
