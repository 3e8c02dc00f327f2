// The one inline-literal escaper of each dialect, attacked with quotes, backslashes, comments, unicode and NUL.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { escapeString as clickhouseEscape } from './clickhouse/escape.js';
import { escapeString as duckdbEscape } from './duckdb/escape.js';

const NASTY = [
  '',
  "'",
  "''",
  "\\'",
  '\\',
  "'; DROP TABLE t; --",
  '*/ DROP TABLE t; /*',
  '-- x',
  '\u0027\u2019\u02bc',
  'nul\0byte\0',
  'line\nbreak\r\ttab',
  "E'\\x27'",
  '$$ dollar $$',
  "U&'\\0027'",
  "日本語 '会議'",
];

/** Reads a ClickHouse single-quoted literal the way ClickHouse does (backslash escapes, '' as a quote). */
function readClickHouseLiteral(sql: string): string {
  expect(sql.startsWith("'") && sql.endsWith("'")).toBe(true);
  const body = sql.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const e = body[++i]!;
      out += ({ n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\', "'": "'" } as Record<string, string>)[e] ?? e;
    } else if (c === "'") {
      throw new Error(`unescaped quote inside ${sql}`);
    } else out += c;
  }
  return out;
}

describe('DuckDB escapeString', () => {
  it('round-trips every nasty value through a real DuckDB', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run('CREATE TABLE t (x INTEGER)');
    for (const v of NASTY) {
      const r = await c.runAndReadAll(`SELECT ${duckdbEscape(v)} AS v`);
      expect(r.getRowsJS()).toEqual([[v]]);
    }
    expect((await c.runAndReadAll('SELECT count(*) FROM t')).getRowsJS()).toEqual([[0n]]);
    c.closeSync();
  });
});

describe('ClickHouse escapeString', () => {
  it.each(NASTY)('%j reads back as itself and never closes the literal early', (v) => {
    expect(readClickHouseLiteral(clickhouseEscape(v))).toBe(v);
  });
});
