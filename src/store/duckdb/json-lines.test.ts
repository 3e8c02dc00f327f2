/** The JSON-lines fast path into a store with no rows (straight into MessageTrace) and into one with rows (merged). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE_AGGREGATE, TRACE_AGGREGATES } from '../../schema/index.js';
import type { DimensionEnricher } from '../store.js';
import { openDuckDbStore, type DuckDbStore } from './duckdb-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-json-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const ENRICHER: DimensionEnricher = {
  direction: (s, r) => (s === 'contoso.com' ? (r === 'contoso.com' ? 'Internal' : 'Outbound') : 'Inbound'),
  geo: (ip) => (ip === '8.8.8.8' ? { country: 'US', asn: 15169, asOrg: 'GOOGLE' } : { country: '', asn: 0, asOrg: '' }),
};

/** A Get-MessageTraceV2 record as ConvertTo-Json writes it. */
const record = (i: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    Organization: 'contoso.onmicrosoft.com',
    MessageId: `<m${Math.floor(i / 2)}@fabrikam.com>`,
    Received: new Date(Date.UTC(2026, 10, 2, 9) + i * 600_000).toISOString(),
    SenderAddress: i % 3 === 0 ? 'Alice@Contoso.com' : 'bob@fabrikam.com',
    RecipientAddress: `user${i % 2}@contoso.com`,
    Subject: `subject ${i}`,
    Status: ['Delivered', 'Pending', 'Failed'][i % 3],
    ToIP: null,
    FromIP: i % 2 ? '8.8.8.8' : '10.0.0.1',
    Size: 1000 + i,
    MessageTraceId: `id-${Math.floor(i / 2)}`,
    ...over,
  });

function file(lines: string[]): string {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const count = async (s: DuckDbStore, table: string) => Number((await s.query(`SELECT count(*) FROM "${table}"`)).rows[0]![0]);

describe('the JSON-lines fast path of the DuckDB store', () => {
  const lines = Array.from({ length: 200 }, (_, i) => record(i));

  it('reads a file into a store with no rows, enriched, the summary tables exact; the same file again is all duplicates', async () => {
    const s = await openDuckDbStore(join(dir, `s${n++}.duckdb`));
    const path = file(lines);
    expect(await s.upsertTraceJsonLines(path, 'powershell', ENRICHER)).toEqual({ read: 200, ingested: 200, updated: 0, duplicates: 0 });
    expect(await s.checkIntegrity()).toEqual([]);
    const enriched = await s.query(
      `SELECT "Direction", "FromCountry", "FromAsn", "FromAsOrg", count(*) FROM "MessageTrace" GROUP BY ALL ORDER BY ALL`,
    );
    // The same enrichment row by row, counted.
    const expected = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const direction = ENRICHER.direction(i % 3 === 0 ? 'contoso.com' : 'fabrikam.com', 'contoso.com');
      const g = ENRICHER.geo(i % 2 ? '8.8.8.8' : '10.0.0.1');
      const key = JSON.stringify([direction, g.country, g.asn, g.asOrg]);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(enriched.rows).toEqual(
      [...expected].map(([k, v]) => [...JSON.parse(k), v]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(await s.upsertTraceJsonLines(path, 'powershell', ENRICHER)).toEqual({ read: 200, ingested: 0, updated: 0, duplicates: 200 });
    expect(await count(s, 'MessageTrace')).toBe(200);
    expect(await s.checkIntegrity()).toEqual([]);
    // A later read that moves statuses on and adds new keys: merged into the stored rows.
    const next = [record(1, { Status: 'Delivered' }), record(500), record(501)];
    expect(await s.upsertTraceJsonLines(file(next), 'powershell', ENRICHER)).toEqual({ read: 3, ingested: 2, updated: 1, duplicates: 0 });
    expect(await s.checkIntegrity()).toEqual([]);
    await s.close();
  });

  it('counts the summaries of a file whose messages have rows in one hour, in two and in three exactly', async () => {
    const s = await openDuckDbStore(join(dir, `s${n++}.duckdb`));
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 2, h, m)).toISOString();
    const spread = [
      record(900, { MessageTraceId: 'two-hours', RecipientAddress: 'a@contoso.com', Received: at(9, 50) }),
      record(901, { MessageTraceId: 'two-hours', RecipientAddress: 'b@contoso.com', Received: at(10, 10) }),
      record(902, { MessageTraceId: 'three-hours', RecipientAddress: 'a@contoso.com', Received: at(9, 5) }),
      record(903, { MessageTraceId: 'three-hours', RecipientAddress: 'b@contoso.com', Received: at(12, 5) }),
      record(904, { MessageTraceId: 'three-hours', RecipientAddress: 'c@contoso.com', Received: at(10, 55) }),
    ];
    expect(await s.upsertTraceJsonLines(file([...lines, ...spread]), 'powershell', ENRICHER)).toMatchObject({ ingested: 205 });
    expect(await s.checkIntegrity()).toEqual([]);
    await s.close();
  });

  it('changes nothing in a store with no rows when a record needs the parser or a key repeats', async () => {
    const s = await openDuckDbStore(join(dir, `s${n++}.duckdb`));
    const cases = {
      'a status to reject, last': [...lines, record(900, { Status: 'Bounced' })],
      'an offset date': [...lines, record(900, { Received: '2026-11-02T18:30:00+09:00' })],
      'a key twice': [...lines, record(0, { Status: 'Delivered' })],
      'a broken line': [...lines, '{"MessageTraceId": "z", "Rec'],
      // Trace ids the parser respells or must judge: upper case, braces, a GUID short of dashes, spaces or tabs to
      // trim, not ASCII.
      'an upper-case id': [...lines, record(900, { MessageTraceId: 'ID-900' })],
      'a braced id': [...lines, record(900, { MessageTraceId: '{0f179803-eb33-4f0d-bda0-8739f80c528a}' })],
      'a bare GUID': [...lines, record(900, { MessageTraceId: '0f179803eb334f0dbda08739f80c528a' })],
      'a GUID without one dash': [...lines, record(900, { MessageTraceId: '0f179803eb33-4f0d-bda0-8739f80c528a' })],
      'a GUID with one dash': [...lines, record(900, { MessageTraceId: '0f179803-eb334f0dbda08739f80c528a' })],
      'an id after a space': [...lines, record(900, { MessageTraceId: ' id-900' })],
      'an id before a tab': [...lines, record(900, { MessageTraceId: 'id-900\t' })],
      'an address before a return': [...lines, record(900, { RecipientAddress: 'user9@contoso.com\r' })],
      'a Message-ID after a line feed': [...lines, record(900, { MessageId: '\n<m900@fabrikam.com>' })],
      'an id not ASCII': [...lines, record(900, { MessageTraceId: 'id-ä900' })],
      'an address not ASCII': [...lines, record(900, { SenderAddress: 'bob@ｆabrikam.com' })],
      // JavaScript's trim() takes these off; a regular expression's \s (ASCII only) did not see them.
      'an id after an ideographic space': [...lines, record(900, { MessageTraceId: '\u3000id-900' })],
      'an id before a vertical tab': [...lines, record(900, { MessageTraceId: 'id-900\u000b' })],
    };
    for (const [name, content] of Object.entries(cases)) {
      expect(await s.upsertTraceJsonLines(file(content), 'powershell', ENRICHER), name).toBeUndefined();
      for (const table of ['MessageTrace', ...TRACE_AGGREGATES.map((d) => d.name), MESSAGE_AGGREGATE.name])
        expect(await count(s, table), `${name}: ${table}`).toBe(0);
    }
    expect(await s.upsertTraceJsonLines(file(lines), 'powershell', ENRICHER)).toMatchObject({ ingested: 200 });
    await s.close();
  });
});
