// XXH64 written in ClickHouse SQL, run on a real ClickHouse server, against a plain reference of the algorithm
// (Cyan4973/xxHash, XXH64, seed 0) and against the values Kusto's documentation gives for hash().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../../../../test/support/clickhouse-cluster.js';
import { longBytes, xxh64 } from '../../test/xxh64.js';
import { clickHouseRows } from '../../../../test/support/clickhouse-rows.js';
import { escapeString } from './escape.js';
import { hashFunctions, STRIPES, xxhash64OfBytes, xxhash64OfLong } from './xxhash64.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const signed = (b: Uint8Array): string => String(BigInt.asIntN(64, xxh64(b)));
const LIMIT = 32 * STRIPES + 31;

// Every length of 0..100 bytes (each tail of 8/4/1-byte lanes after 0..3 stripes), multibyte text, the edges of
// each chain of stripes, and the longest text hashed.
const TEXTS: string[] = [];
for (let n = 0; n <= 100; n++) TEXTS.push(Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7 + n) % 94))).join(''));
TEXTS.push('héllo wörld 😀 0123456789 abcdefghijklmnopqrstuvwxyz', '日本語のテキスト', 'ü'.repeat(77), 'alice@contoso.com');
for (const n of [127, 128, 129, 159, 160, 161, 511, 512, 513, 1000, 2047, 2048, LIMIT]) TEXTS.push('q'.repeat(n - 1) + 'z');

let server: ClickHouseCluster;
let rows: (sql: string) => Promise<unknown[][]>;

describe.skipIf(!HAS_CLICKHOUSE_SERVER)('XXH64 in ClickHouse SQL', () => {
  beforeAll(async () => {
    server = await startClickHouseServer();
    rows = clickHouseRows(server);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('gives the reference hash of texts of every length class (stripes, lanes, word, bytes)', async () => {
    const list = `[${TEXTS.map(escapeString).join(', ')}]`;
    const got = await rows(
      `SELECT toString(${xxhash64OfBytes('t', undefined)}), ${xxhash64OfBytes('t', 'm')} FROM (SELECT arrayJoin(${list}) AS t, 1000 AS m)`,
    );
    expect(got).toEqual(TEXTS.map((t) => [signed(utf8(t)), Number(xxh64(utf8(t)) % 1000n)]));
  });

  it('hashes a constant text with the stripes it has (longer than a column is allowed)', async () => {
    for (const t of ['World', 'x'.repeat(3000)]) {
      const sql = hashFunctions.hash!([{ sql: escapeString(t), type: 'string', value: t }]);
      expect(await rows(`SELECT toString(${sql})`)).toEqual([[signed(utf8(t))]]);
    }
  });

  it('refuses a column text longer than its chains of stripes take, naming the limit', async () => {
    await expect(rows(`SELECT ${xxhash64OfBytes(escapeString('q'.repeat(LIMIT + 1)), undefined)}`)).rejects.toThrow(
      `hash() of a text over ${LIMIT} bytes is not supported on clickhouse`,
    );
  });

  it("gives the reference hash of a long's 8 little-endian bytes", async () => {
    const values = [0n, 1n, -1n, 5n, 635556672000000000n, 9223372036854775807n, -9223372036854775808n];
    // The modulus is a column of its own: 18.16 finds a column read only inside a lambda's body nowhere.
    const got = await rows(
      `SELECT toString(${xxhash64OfLong('v', undefined)}), ${xxhash64OfLong('v', 'm')} FROM (SELECT arrayJoin([${values.map((v) => `toInt64('${v}')`).join(', ')}]) AS v, 997 AS m)`,
    );
    expect(got).toEqual(values.map((v) => [signed(longBytes(v)), Number(xxh64(longBytes(v)) % 997n)]));
  });

  it("matches Kusto's documented hash() values, and mod 0 is null", async () => {
    const world = escapeString('World');
    expect(
      await rows(`SELECT toString(${xxhash64OfBytes(world, undefined)}), ${xxhash64OfBytes(world, '100')}, ${xxhash64OfBytes(world, '0')}`),
    ).toEqual([['1846988464401551951', 51, null]]);
    // datetime(2015-01-01) is 1420070400000000 microseconds since 1970 here, 635556672000000000 ticks.
    const datetime = hashFunctions.hash!([{ sql: 'toInt64(1420070400000000)', type: 'datetime' }]);
    expect(await rows(`SELECT toString(${datetime})`)).toEqual([['1380966698541616202']]);
  });
});
