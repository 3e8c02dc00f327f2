// The ClickHouse SQL of the IPv6 and URL-encoding functions gives the DuckDB dialect's answers, exactly, on a real
// ClickHouse server: every pair of a list of address texts (valid, invalid, prefixed, IPv4 tails, :: forms) and
// texts of every byte.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../../../../test/support/clickhouse-cluster.js';
import { clickHouseRows } from '../../../../test/support/clickhouse-rows.js';
import { networkFunctions as duckdbFunctions } from '../duckdb/network-functions.js';
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { escapeString } from './escape.js';
import { networkFunctions } from './network-functions.js';

const ADDRESSES = [
  '192.168.1.1',
  '192.168.1.255',
  '192.168.1.1/24',
  '192.168.1.1/30',
  '10.0.0.1/8',
  ' 10.0.0.1 ',
  '010.000.000.001',
  '1.2.3.256',
  '1.2.3',
  '10.0.0.1/33',
  '10.0.0.1/x',
  '::',
  '::1',
  '::2/127',
  '0:0:0:0:0:0:0:0',
  ':::',
  '1::',
  'fe80::85d:e82c:9446:7994',
  'FE80::85D:E82C:9446:7998/120',
  'fe80::85d:e82c:9446:7994/129',
  '::ffff:c0a8:101',
  '::ffff:192.168.1.1',
  '::192.168.1.1/120',
  '::ffff:1.2.3.999',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7::8',
  '1::2:3:4:5:6:7',
  '1:2::3::4',
  '12345::',
  'g::',
  'ffff::/1',
  '',
  'x',
];
const PREFIXES = ['NULL', '0', '1', '24', '31', '64', '100', '127', '128', '200', '-1'];
const TEXTS = [
  '',
  'https://www.bing.com/hello world',
  Array.from({ length: 255 }, (_, i) => String.fromCharCode(i + 1)).join(''),
  '日本語 テキスト 😀',
];

let server: ClickHouseCluster;
let rows: (sql: string) => Promise<unknown[][]>;
const duckdb = await DuckDBInstance.create(':memory:');
const duck = await duckdb.connect();

/** SQL of `name` of the columns a, b and (with 3 arguments) p. */
function calls(fns: SimpleFunctions, name: keyof SimpleFunctions, args: number): string {
  const col = (sql: string): SimpleArg => ({ sql, type: 'string' });
  return fns[name]!([col('a'), col('b'), { sql: 'p', type: 'long' } as SimpleArg].slice(0, args));
}
/** A value as text: a bool (ClickHouse's 1 or 0, DuckDB's true or false) as T or F. */
const text = (v: unknown, bool: boolean): string =>
  v === null ? 'null' : bool && (v === true || v === 1) ? 'T' : bool && (v === false || v === 0) ? 'F' : String(v);

describe.skipIf(!HAS_CLICKHOUSE_SERVER)('IPv6 and URL-encoding functions in ClickHouse SQL', () => {
  beforeAll(async () => {
    server = await startClickHouseServer();
    rows = clickHouseRows(server);
  }, 120_000);
  afterAll(async () => {
    duck.closeSync();
    await server?.stop();
  });

  const pairs = ADDRESSES.flatMap((a, i) => ADDRESSES.map((b, j) => [a, b, PREFIXES[(i + j) % PREFIXES.length]!] as const));
  const cases: [keyof SimpleFunctions, number][] = [
    ['ipv6_is_match', 2],
    ['ipv6_is_match', 3],
    ['ipv6_compare', 2],
    ['ipv6_compare', 3],
    ['ipv6_is_in_range', 2],
    ['ipv4_is_match', 2],
    ['ipv4_is_match', 3],
  ];
  for (const [name, args] of cases) {
    it(`${name} with ${args} arguments: as DuckDB for every pair`, async () => {
      const tuples = pairs.map(([a, b, p]) => `(${escapeString(a)}, ${escapeString(b)}, ${p === 'NULL' ? 'NULL' : `toInt64(${p})`})`);
      const ch = await rows(
        `SELECT ${calls(networkFunctions, name, args)} FROM (SELECT arrayJoin([${tuples.join(', ')}]) AS __t, __t.1 AS a, __t.2 AS b, __t.3 AS p)`,
      );
      const values = pairs.map(([a, b, p]) => `(${escapeString(a)}, ${escapeString(b)}, CAST(${p} AS BIGINT), ${pairs.length})`);
      const reader = await duck.runAndReadAll(
        `SELECT ${calls(duckdbFunctions, name, args)} FROM (VALUES ${values.join(', ')}) AS t(a, b, p, n)`,
      );
      const label = (i: number): string => `${pairs[i]!.join(' | ')}`;
      const bool = name !== 'ipv6_compare';
      expect(ch.map((r, i) => `${label(i)}: ${text(r[0], bool)}`)).toEqual(
        reader.getRowsJS().map((r, i) => `${label(i)}: ${text(r[0], bool)}`),
      );
    });
  }

  it('url_encode and url_encode_component: as DuckDB for every byte', async () => {
    for (const name of ['url_encode', 'url_encode_component'] as const) {
      for (const t of TEXTS) {
        const arg = (sql: string): SimpleArg[] => [{ sql, type: 'string' }];
        const [[ch]] = (await rows(`SELECT ${networkFunctions[name]!(arg(escapeString(t)))}`)) as [[string]];
        const [[want]] = (await duck.runAndReadAll(`SELECT ${duckdbFunctions[name]!(arg('$1'))}`, [t])).getRowsJS() as [[string]];
        expect(ch).toBe(want);
      }
    }
  });
});
