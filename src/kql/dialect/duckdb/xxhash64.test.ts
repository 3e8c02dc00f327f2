// XXH64 written in DuckDB SQL against a plain reference of the algorithm (Cyan4973/xxHash, XXH64, seed 0) and
// against the values Kusto's documentation gives for hash().
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { xxhash64OfHex, xxhash64OfLong } from './xxhash64.js';

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

/** The reference: XXH64 of `b` with seed 0, as an unsigned 64-bit value. */
function xxh64(b: Uint8Array): bigint {
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

const TEXTS = ['', 'a', 'World', 'abcd', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(33)];
TEXTS.push('héllo wörld 😀 0123456789 abcdefghijklmnopqrstuvwxyz', 'q'.repeat(1000), 'alice@contoso.com');

describe('XXH64 in DuckDB SQL', async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const one = async (sql: string, params: string[] = []): Promise<unknown[]> => (await c.runAndReadAll(sql, params)).getRowsJS()[0]!;

  it('gives the reference hash of strings of every length class (stripes, lanes, word, bytes)', async () => {
    for (const s of TEXTS) {
      const [h, m] = await one(
        `SELECT CAST(${xxhash64OfHex('hex(encode($1))', undefined)} AS VARCHAR), CAST(${xxhash64OfHex('hex(encode($1))', '1000')} AS VARCHAR)`,
        [s],
      );
      const want = xxh64(new TextEncoder().encode(s));
      expect([s, h, m]).toEqual([s, String(BigInt.asIntN(64, want)), String(want % 1000n)]);
    }
  });

  it("gives the reference hash of a long's 8 little-endian bytes", async () => {
    for (const v of [0n, 1n, -1n, 635556672000000000n, 9223372036854775807n, -9223372036854775808n]) {
      const [h] = await one(`SELECT CAST(${xxhash64OfLong(`CAST(${v} AS BIGINT)`, undefined)} AS VARCHAR)`);
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, v, true);
      expect(h).toBe(String(BigInt.asIntN(64, xxh64(bytes))));
    }
  });

  it("matches Kusto's documented hash() values", async () => {
    expect(await one(`SELECT CAST(${xxhash64OfHex(`hex(encode('World'))`, undefined)} AS VARCHAR)`)).toEqual(['1846988464401551951']);
    expect(await one(`SELECT ${xxhash64OfHex(`hex(encode('World'))`, '100')}`)).toEqual([51n]);
    // datetime(2015-01-01) is 635556672000000000 ticks.
    expect(await one(`SELECT CAST(${xxhash64OfLong('635556672000000000', undefined)} AS VARCHAR)`)).toEqual(['1380966698541616202']);
  });
});
