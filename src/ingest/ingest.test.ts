/** The ingest run on real files into a real DuckDB: the engine's JSON-lines fast path and the parser agree. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePowerShellNdjson } from '../demo/index.js';
import { createEnricher, type Enricher } from '../enrich/index.js';
import { openStore, type Store } from '../store/index.js';
import { ingestPaths, type IngestReport } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-ingest-'));
let enricher: Enricher;
beforeAll(async () => {
  enricher = await createEnricher({ organization: { acceptedDomains: ['contoso.com', 'contoso.co.jp'] } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestWith(file: string, fastPath: boolean): Promise<{ rows: unknown[][]; report: IngestReport; engineRead: boolean }> {
  const store: Store = await openStore('duckdb::memory:');
  // Record whether the engine took the file or handed it back to the parser.
  let engineRead = false;
  const fast = store.upsertTraceJsonLines!.bind(store);
  store.upsertTraceJsonLines = async (...args) => {
    const r = await fast(...args);
    engineRead = r !== undefined;
    return r;
  };
  try {
    const report = await ingestPaths([file], {
      store,
      enrich: (r) => enricher.enrich(r),
      dimensions: fastPath ? enricher : undefined,
      // Offer the engine every file, however small, so that its declining is what is tested.
      fastPathMinBytes: 0,
      rejectFile: join(dir, `rejects-${fastPath}.ndjson`),
    });
    const rows = (await store.query('SELECT * FROM "MessageTrace" ORDER BY "MessageTraceId", "RecipientAddress"')).rows;
    return { rows, report, engineRead };
  } finally {
    await store.close();
  }
}

// Lines that probe every mapping rule: case, nulls, OData dates, sizes as text, statuses in any case,
// trailing dots, Japanese text, offsets and impossible dates (those make the engine hand the file to the parser).
const edge = (over: Record<string, unknown>) =>
  JSON.stringify({
    Organization: 'contoso.onmicrosoft.com',
    MessageId: '<a@Fabrikam.com>',
    Received: '2026-11-02T09:30:00.1234567Z',
    SenderAddress: 'Alice@Fabrikam.COM',
    RecipientAddress: 'Bob@Contoso.com',
    Subject: '見積書 <b>',
    Status: 'Delivered',
    ToIP: null,
    FromIP: '8.8.8.8',
    Size: 2048,
    MessageTraceId: 'e1',
    StartDate: null,
    EndDate: null,
    Index: 0,
    ...over,
  });
const EDGE_LINES = [
  edge({}),
  edge({
    MessageTraceId: 'e2',
    Received: '/Date(1658751973240)/',
    Status: 'filteredAsSpam',
    Size: '1,234',
    SenderAddress: 'x@mail.example.co.jp.',
  }),
  edge({
    MessageTraceId: 'e3',
    Received: '2026-11-02 09:30:00',
    Status: 'unknownFutureValue',
    Size: null,
    Subject: null,
    MessageId: null,
    FromIP: '133.242.0.1',
  }),
  edge({
    MessageTraceId: 'e4',
    Status: null,
    ToIP: '203.0.113.9',
    SenderAddress: 'bob@contoso.com',
    RecipientAddress: 'carol@tailspintoys.com',
    Size: 1.9,
  }),
  edge({
    MessageTraceId: 'e5',
    SenderAddress: 'bob@contoso.com',
    RecipientAddress: 'dave@sub.contoso.co.jp',
    Received: '2026-11-02T09:30:00',
  }),
  // Spaces and tabs inside (not at the ends): nothing for trim() to take, so the engine maps them itself.
  edge({ MessageTraceId: 'e6 with\tspaces', MessageId: '<a b@Fabrikam.com>', SenderAddress: '"Alice Smith"@Fabrikam.com' }),
  // A GUID with its four dashes is stored as it is.
  edge({ MessageTraceId: '0f179803-eb33-4f0d-bda0-8739f80c528a' }),
];

describe('the JSON-lines fast path', () => {
  it('stores exactly what the parser stores, for the generator and for edge cases', async () => {
    const file = join(dir, 'mixed.ndjson');
    await writePowerShellNdjson(file, { rows: 3000, seed: 11 });
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8') + EDGE_LINES.join('\n') + '\n');
    const fast = await ingestWith(file, true);
    const slow = await ingestWith(file, false);
    expect(fast.report.totals).toEqual(slow.report.totals);
    expect(fast.report.totals.ingested).toBe(3000 + EDGE_LINES.length);
    expect(fast.engineRead).toBe(true);
    expect(slow.engineRead).toBe(false);
    expect(fast.rows).toEqual(slow.rows);
  });

  it('hands files with records to reject, odd shapes or repeated keys to the parser, which names the lines', async () => {
    const cases = {
      offset: [EDGE_LINES[0], edge({ MessageTraceId: 'z', Received: '2026-11-02T18:30:00+09:00' })],
      impossibleDate: [EDGE_LINES[0], edge({ MessageTraceId: 'z', Received: '2026-02-31T00:00:00Z' })],
      unknownStatus: [EDGE_LINES[0], edge({ MessageTraceId: 'z', Status: 'Bounced' })],
      brokenLine: [EDGE_LINES[0], '{"MessageTraceId": "z", "Rec'],
      repeatedKey: [edge({ Status: 'Pending' }), edge({ Status: 'Delivered' })],
      powershell5Date: [EDGE_LINES[0], edge({ MessageTraceId: 'z', Received: { value: '/Date(1658751973240)/', DisplayHint: 2 } })],
      spacesToTrim: [EDGE_LINES[0], edge({ MessageTraceId: 'z', MessageId: ' <m@x> ', SenderAddress: ' Eve@X.com' })],
      unicodeCase: [EDGE_LINES[0], edge({ MessageTraceId: 'z', RecipientAddress: 'İSTANBUL@Contoso.com' })],
    };
    for (const [name, lines] of Object.entries(cases)) {
      const file = join(dir, `${name}.ndjson`);
      writeFileSync(file, lines.join('\n') + '\n');
      const fast = await ingestWith(file, true);
      const slow = await ingestWith(file, false);
      expect(fast.engineRead, name).toBe(false);
      expect(fast.report.totals, name).toEqual(slow.report.totals);
      expect(fast.rows, name).toEqual(slow.rows);
    }
  });

  it('agrees with the parser on every PowerShell golden fixture', async () => {
    const fixtures = join(import.meta.dirname, '../formats/powershell/testdata');
    for (const name of readdirSync(fixtures).filter((f) => !f.endsWith('-expected.json'))) {
      const fast = await ingestWith(join(fixtures, name), true);
      const slow = await ingestWith(join(fixtures, name), false);
      expect(fast.report.totals, name).toEqual(slow.report.totals);
      expect(fast.rows, name).toEqual(slow.rows);
    }
  });
});
