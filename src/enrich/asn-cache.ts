/**
 * A binary cache of the parsed ASN ranges: parsing the shipped CSVs costs about a second at every start, reading
 * their arrays back costs milliseconds. Keyed by the source files' paths, sizes and times; rebuilt when they change.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The arrays an AsnRanges holds. */
export interface AsnArrays {
  v4Start: Float64Array;
  v4End: Float64Array;
  v4Info: Uint32Array;
  v6StartHi: BigUint64Array;
  v6StartLo: BigUint64Array;
  v6EndHi: BigUint64Array;
  v6EndLo: BigUint64Array;
  v6Info: Uint32Array;
  infos: { asn: number; org: string }[];
}

const VERSION = 1;
type Typed = Float64Array | Uint32Array | BigUint64Array;
const ORDER = ['v4Start', 'v4End', 'v4Info', 'v6StartHi', 'v6StartLo', 'v6EndHi', 'v6EndLo', 'v6Info'] as const;
const KIND: Record<(typeof ORDER)[number], 'f64' | 'u32' | 'u64'> = {
  v4Start: 'f64',
  v4End: 'f64',
  v4Info: 'u32',
  v6StartHi: 'u64',
  v6StartLo: 'u64',
  v6EndHi: 'u64',
  v6EndLo: 'u64',
  v6Info: 'u32',
};

/** Where the cache of these sources lives (MAILSIFT_CACHE_DIR or the system's temporary folder). */
export async function asnCachePath(sources: readonly (string | undefined)[]): Promise<string> {
  const h = createHash('sha256').update(String(VERSION));
  for (const s of sources) {
    if (!s) continue;
    const info = await stat(s);
    h.update(`${s}\0${info.size}\0${info.mtimeMs}\0`);
  }
  const dir = process.env.MAILSIFT_CACHE_DIR ?? join(tmpdir(), 'mailsift-cache');
  return join(dir, `asn-${h.digest('hex').slice(0, 24)}.bin`);
}

/** The cached arrays, or undefined when there is no usable cache. */
export async function readAsnCache(path: string): Promise<AsnArrays | undefined> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    return undefined;
  }
  try {
    const headerLen = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString('utf8')) as {
      version: number;
      lengths: number[];
      infos: [number, string][];
    };
    if (header.version !== VERSION) return undefined;
    let off = 4 + headerLen;
    const arrays: Partial<Record<(typeof ORDER)[number], Typed>> = {};
    ORDER.forEach((name, i) => {
      const n = header.lengths[i]!;
      const width = KIND[name] === 'u32' ? 4 : 8;
      const bytes = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + n * width);
      arrays[name] =
        KIND[name] === 'f64' ? new Float64Array(bytes) : KIND[name] === 'u32' ? new Uint32Array(bytes) : new BigUint64Array(bytes);
      off += n * width;
    });
    if (off !== buf.length) return undefined;
    return { ...(arrays as Omit<AsnArrays, 'infos'>), infos: header.infos.map(([asn, org]) => ({ asn, org })) };
  } catch {
    return undefined;
  }
}

/** Write the cache atomically; a failure to write only costs the next start its speed. */
export async function writeAsnCache(path: string, a: AsnArrays): Promise<void> {
  try {
    const header = Buffer.from(
      JSON.stringify({ version: VERSION, lengths: ORDER.map((n) => a[n].length), infos: a.infos.map((x) => [x.asn, x.org]) }),
      'utf8',
    );
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length, 0);
    const parts = [len, header, ...ORDER.map((n) => Buffer.from(a[n].buffer, a[n].byteOffset, a[n].byteLength))];
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.concat(parts));
    await rename(tmp, path);
  } catch {
    // The cache is an optimisation only.
  }
}
