// XXH64 written in DuckDB SQL against a plain reference of the algorithm (Cyan4973/xxHash, XXH64, seed 0) and
// against the values Kusto's documentation gives for hash().
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { longBytes, xxh64 } from '../../test/xxh64.js';
import { xxhash64OfHex, xxhash64OfLong } from './xxhash64.js';

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
      expect(h).toBe(String(BigInt.asIntN(64, xxh64(longBytes(v)))));
    }
  });

  it("matches Kusto's documented hash() values", async () => {
    expect(await one(`SELECT CAST(${xxhash64OfHex(`hex(encode('World'))`, undefined)} AS VARCHAR)`)).toEqual(['1846988464401551951']);
    expect(await one(`SELECT ${xxhash64OfHex(`hex(encode('World'))`, '100')}`)).toEqual([51n]);
    // datetime(2015-01-01) is 635556672000000000 ticks.
    expect(await one(`SELECT CAST(${xxhash64OfLong('635556672000000000', undefined)} AS VARCHAR)`)).toEqual(['1380966698541616202']);
  });
});
