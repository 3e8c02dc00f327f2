/** Decompressing a .gz export as a stream, stopped (with its reason) when it grows like a compression bomb. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { NotAnExportError, reason } from '../formats/index.js';
import { memberRefusal, type ArchiveLimits } from './archive-limits.js';

/** The decompressed bytes of a gzip stream; throws NotAnExportError when the data is not gzip or grows past the limits. */
export async function* gunzip(compressed: AsyncIterable<Uint8Array>, limits: ArchiveLimits): AsyncGenerator<Uint8Array> {
  let inBytes = 0;
  let outBytes = 0;
  const counted = (async function* () {
    for await (const c of compressed) {
      inBytes += c.length;
      yield c;
    }
  })();
  const z = createGunzip();
  // pipeline() destroys the source when the consumer stops early, and hands source errors to `z`.
  pipeline(Readable.from(counted), z, () => undefined);
  try {
    for await (const out of z as AsyncIterable<Buffer>) {
      outBytes += out.length;
      const refusal = memberRefusal(inBytes, outBytes, limits);
      if (refusal) throw new NotAnExportError(refusal);
      yield out;
    }
  } catch (error) {
    if (error instanceof NotAnExportError) throw error;
    throw new NotAnExportError(reason('damaged-gzip', { detail: String((error as Error)?.message ?? error).split('\n')[0]! }));
  } finally {
    z.destroy();
  }
}

/** The decompressed bytes of a .gz file. */
export function gunzipFile(path: string, limits: ArchiveLimits): AsyncGenerator<Uint8Array> {
  return gunzip(createReadStream(path), limits);
}
