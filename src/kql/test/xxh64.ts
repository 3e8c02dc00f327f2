/** A plain reference of XXH64 with seed 0 (github.com/Cyan4973/xxHash), for the dialects' SQL spellings of hash(). */

const M = (1n << 64n) - 1n;
const [P1, P2, P3, P4, P5] = [
  11400714785074694791n,
  14029467366897019727n,
  1609587929392839161n,
  9650029242287828579n,
  2870177450012600261n,
];
const rotl = (x: bigint, r: number): bigint => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & M;
const round = (acc: bigint, lane: bigint): bigint => (rotl((acc + lane * P2) & M, 31) * P1) & M;
const merge = (h: bigint, v: bigint): bigint => ((h ^ round(0n, v)) * P1 + P4) & M;

/** XXH64 of `b` with seed 0, as an unsigned 64-bit value. */
export function xxh64(b: Uint8Array): bigint {
  const le = (at: number, width: number): bigint => {
    let v = 0n;
    for (let i = width - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[at + i]!);
    return v;
  };
  let p = 0;
  let h: bigint;
  if (b.length >= 32) {
    const v = [(P1 + P2) & M, P2, 0n, (0n - P1) & M];
    for (; p + 32 <= b.length; p += 32) for (let i = 0; i < 4; i++) v[i] = round(v[i]!, le(p + 8 * i, 8));
    h = (rotl(v[0]!, 1) + rotl(v[1]!, 7) + rotl(v[2]!, 12) + rotl(v[3]!, 18)) & M;
    for (const x of v) h = merge(h, x);
  } else h = P5;
  h = (h + BigInt(b.length)) & M;
  for (; p + 8 <= b.length; p += 8) h = (rotl(h ^ round(0n, le(p, 8)), 27) * P1 + P4) & M;
  if (p + 4 <= b.length) {
    h = (rotl(h ^ ((le(p, 4) * P1) & M), 23) * P2 + P3) & M;
    p += 4;
  }
  for (; p < b.length; p++) h = (rotl(h ^ ((BigInt(b[p]!) * P5) & M), 11) * P1) & M;
  h ^= h >> 33n;
  h = (h * P2) & M;
  h ^= h >> 29n;
  h = (h * P3) & M;
  return h ^ (h >> 32n);
}

/** The 8 little-endian bytes of a signed 64-bit value (what hash() of a long or a datetime's ticks reads). */
export function longBytes(v: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, v, true);
  return bytes;
}
