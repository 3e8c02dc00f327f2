import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { WatchlistImportError } from './errors.js';
import { importWatchlist, parseWatchlist } from './watchlist-import.js';

describe('watchlist import', () => {
  let store: Store;
  let dir: string;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    dir = await mkdtemp(join(tmpdir(), 'mailsift-watchlist-'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a CSV export with its own column names and replaces the watchlist', async () => {
    const csv =
      '\ufeffDetected At,User Principal Name,Detection Source,Alert Name,Severity\r\n' +
      '2026-03-02T10:20:00Z,S.Suzuki@contoso.com,EDR,"Keylogger, ""AgentTesla""",High\r\n' +
      '2026/03/03 08:00:00,CONTOSO\\ktanaka,EDR,Credential theft,Medium\r\n' +
      'yesterday,x@contoso.com,EDR,Bad row,Low\r\n';
    const path = join(dir, 'edr.csv');
    await writeFile(path, csv);
    const report = await importWatchlist(store, path, { name: 'edr' });
    expect(report).toMatchObject({
      imported: 2,
      skipped: 1,
      format: 'csv',
      columns: { Timestamp: 'Detected At', User: 'User Principal Name', Detection: 'Alert Name' },
    });
    expect(report.problems[0]).toMatch(/row 3: timestamp 'yesterday'/);
    const r = await store.query(
      'SELECT "User", "Product", "Detection", "Severity", "Name", epoch_ms("Timestamp") FROM "Watchlist" ORDER BY 6',
    );
    expect(r.rows).toEqual([
      ['s.suzuki@contoso.com', 'EDR', 'Keylogger, "AgentTesla"', 'High', 'edr', Date.parse('2026-03-02T10:20:00Z')],
      ['contoso\\ktanaka', 'EDR', 'Credential theft', 'Medium', 'edr', Date.parse('2026-03-03T08:00:00Z')],
    ]);
    await writeFile(path, 'time,user\n2026-03-05T00:00:00Z,a@contoso.com\n');
    await importWatchlist(store, path, { name: 'edr' });
    expect((await store.query('SELECT count(*) FROM "Watchlist"')).rows[0]![0]).toBe(1);
  });

  it('reads JSON arrays, API envelopes with nested fields, NDJSON and UTF-16 files', async () => {
    const nested = JSON.stringify({
      resources: [
        { created_timestamp: '2026-03-02T10:20:00Z', device: { user_name: 'a@contoso.com' }, tactic: 'Collection', severity_name: 'High' },
      ],
    });
    expect(parseWatchlist(nested, 'cs', 'CrowdStrike').rows).toEqual([
      {
        Timestamp: Date.parse('2026-03-02T10:20:00Z'),
        User: 'a@contoso.com',
        Product: 'CrowdStrike',
        Detection: 'Collection',
        Severity: 'High',
        Name: 'cs',
      },
    ]);
    const ndjson =
      '{"timestamp":1772446800000,"user":"b@contoso.com","title":"x"}\n{"timestamp":1772446801,"user":"c@contoso.com","title":"y"}\n';
    expect(parseWatchlist(ndjson, 'n').rows.map((r) => r.Timestamp)).toEqual([1772446800000, 1772446801000]);
    const path = join(dir, 'alerts.json');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"Timestamp":"2026-03-02T00:00:00Z","User":"d@contoso.com"}]', 'utf16le')]),
    );
    expect(await importWatchlist(store, path)).toMatchObject({ name: 'alerts', imported: 1, format: 'json' });
  });

  it('says what is missing', () => {
    expect(() => parseWatchlist('when,who\n2026-03-02,a@contoso.com\n', 'x')).toThrow(/no timestamp column .*the file has when, who/);
    expect(() => parseWatchlist('[]', 'x')).toThrow(WatchlistImportError);
    expect(() => parseWatchlist('{not json', 'x')).toThrow(/not valid JSON/);
  });
});
