/**
 * The members of a .zip export, read one after another straight from the archive (nothing is extracted to
 * disk). yauzl reads the central directory, so sizes are known before anything is decompressed, and it checks
 * while streaming that no member decompresses to more than it declared. A member whose path climbs out of
 * the archive (`..`, an absolute path) or that would decompress like a bomb is refused with its reason.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { reason, type RejectReason } from '../formats/index.js';
import { memberRefusal, type ArchiveLimits } from './archive-limits.js';

/** One member: its name inside the archive, and either a way to read it or why it is refused. */
export interface ZipMember {
  name: string;
  refused?: RejectReason;
  open?: () => Promise<AsyncIterable<Uint8Array>>;
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Why a member's name is refused: a path out of the archive, or an absolute one. */
function nameRefusal(name: string): RejectReason | undefined {
  const problem = yauzl.validateFileName(name.replace(/\\/g, '/'));
  return problem ? reason('unsafe-member-path', { problem: problem.split(':')[0]! }) : undefined;
}

/** The members of the archive at `path` (folders left out). Throws when the file is not a readable zip. */
export async function* zipMembers(path: string, limits: ArchiveLimits): AsyncGenerator<ZipMember> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  let total = 0;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      const raw = entry.fileName as unknown as Buffer;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
      if (name.endsWith('/')) continue;
      total += entry.uncompressedSize;
      const refused =
        nameRefusal(name) ??
        memberRefusal(entry.compressedSize, entry.uncompressedSize, limits) ??
        (total > limits.maxArchiveBytes ? reason('archive-too-large', { limit: limits.maxArchiveBytes }) : undefined) ??
        (/\.zip$/i.test(name) ? reason('zip-in-zip') : undefined);
      if (refused) {
        yield { name, refused };
        continue;
      }
      yield {
        name,
        open: () =>
          new Promise((resolve, reject) =>
            zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream as AsyncIterable<Uint8Array>))),
          ),
      };
    }
  } finally {
    zip.close();
  }
}
