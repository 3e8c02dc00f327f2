/** The behaviour every Store must have; each engine's test file runs it with its own factory. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kqlString } from '../kql/index.js';
import { runKql } from './run-kql.js';
import { runAlertDefinitionTests } from './alert-definitions.case.js';
import { runStoreExtraTests } from './store-extra.case.js';
import { runKeptRowsTests } from './kept-rows.case.js';
import { runSavedObjectTests } from './saved-objects.case.js';
import type { Store } from './store.js';
import { LOOKUP_SLACK_MS } from './trace-merge.js';
import { traceRow } from './testing/trace-row.js';

export { traceRow };

/** Run the shared store suite, which reads back only through the Store interface and KQL. `skip` lists case names this engine skips, each with its reason. */
export function runStoreTests(name: string, factory: () => Promise<Store>, skip: Record<string, string> = {}): void {
  describe(`Store (${name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });
    const test = (title: string, fn: () => Promise<void>) =>
      skip[title] ? it.skip(`${title} (skipped: ${skip[title]})`, fn) : it(title, fn);
    const count = async (table: string) => Number((await runKql(store, `${table} | count`)).rows[0]![0]);

    test('inserts new rows and counts them', async () => {
      const counts = await store.upsertTraces([traceRow(), traceRow({ RecipientAddress: 'carol@contoso.com' })]);
      expect(counts).toEqual({ ingested: 2, updated: 0, duplicates: 0 });
      expect(await count('MessageTrace')).toBe(2);
    });

    test('says what became of each row when asked, in input order', async () => {
      if (!store.upsertTracesWithOutcomes) return;
      await store.upsertTraces([traceRow({ Status: 'Pending' }), traceRow({ RecipientAddress: 'carol@contoso.com' })]);
      const rows = [
        traceRow({ RecipientAddress: 'dave@contoso.com' }), // new
        traceRow({ Status: 'Delivered' }), // updates the stored Pending row
        traceRow({ RecipientAddress: 'carol@contoso.com' }), // same as stored
        traceRow({ RecipientAddress: 'dave@contoso.com' }), // repeats the first row of this batch
        traceRow({ RecipientAddress: 'erin@contoso.com', Status: 'Pending' }), // new
        traceRow({ RecipientAddress: 'erin@contoso.com', Status: 'Failed' }), // a newer status for the row just before
      ];
      const r = await store.upsertTracesWithOutcomes(rows);
      expect([...r.outcomes]).toEqual([0, 1, 2, 2, 0, 1]);
      expect({ ingested: r.ingested, updated: r.updated, duplicates: r.duplicates }).toEqual({ ingested: 2, updated: 2, duplicates: 2 });
      const stored = await runKql(store, 'MessageTrace | project RecipientAddress, Status | sort by RecipientAddress asc');
      expect(stored.rows).toEqual([
        ['bob@contoso.com', 'Delivered'],
        ['carol@contoso.com', 'Delivered'],
        ['dave@contoso.com', 'Delivered'],
        ['erin@contoso.com', 'Failed'],
      ]);
    });

    test('re-reading the same rows changes nothing and counts duplicates', async () => {
      await store.upsertTraces([traceRow()]);
      expect(await store.upsertTraces([traceRow()])).toEqual({ ingested: 0, updated: 0, duplicates: 1 });
    });

    test('a newer status updates the row; a transient one never replaces a final one', async () => {
      await store.upsertTraces([traceRow({ Status: 'Pending' })]);
      expect(await store.upsertTraces([traceRow({ Status: 'Delivered' })])).toEqual({ ingested: 0, updated: 1, duplicates: 0 });
      expect(await store.upsertTraces([traceRow({ Status: 'Pending' })])).toEqual({ ingested: 0, updated: 0, duplicates: 1 });
      expect(await store.upsertTraces([traceRow({ Status: 'Quarantined' })])).toEqual({ ingested: 0, updated: 1, duplicates: 0 });
      expect((await runKql(store, 'MessageTrace | project Status')).rows).toEqual([['Quarantined']]);
    });

    test('a record read again up to LOOKUP_SLACK_MS from its stored time updates that row, which keeps its time', async () => {
      const at = traceRow().Received;
      const far = traceRow({ MessageTraceId: 'far-1', Received: at - 90 * 86_400_000 });
      await store.upsertTraces([traceRow({ Status: 'Pending' }), far]);
      // A batch near the row, and one whose span reaches far beyond it: both find it.
      const later = traceRow({ Status: 'Delivered', Subject: '', Received: at + LOOKUP_SLACK_MS - 60_000 });
      expect(await store.upsertTraces([later])).toEqual({ ingested: 0, updated: 1, duplicates: 0 });
      const wide = [traceRow({ Status: 'Quarantined', Received: at - LOOKUP_SLACK_MS + 60_000 }), traceRow({ ...far, Status: 'Failed' })];
      expect(await store.upsertTraces(wide)).toEqual({ ingested: 0, updated: 2, duplicates: 0 });
      const rows = (await runKql(store, 'MessageTrace | project MessageTraceId, Received, Status | sort by Received asc')).rows;
      expect(rows.map((r) => [r[0], Date.parse(String(r[1])), r[2]])).toEqual([
        ['far-1', far.Received, 'Failed'],
        [traceRow().MessageTraceId, at, 'Quarantined'],
      ]);
    });

    test('a time range and filters see only the newest version of a row (versions kept, not yet merged)', async () => {
      const at = traceRow().Received;
      await store.upsertTraces([traceRow({ Status: 'Pending', Subject: '' })]);
      await store.upsertTraces([traceRow({ Status: 'Delivered', Subject: 'Filled' })]);
      const window = `Received between (datetime(${new Date(at - 60_000).toISOString()}) .. datetime(${new Date(at + 60_000).toISOString()}))`;
      const one = async (kql: string) => (await runKql(store, kql)).rows;
      expect(await one(`MessageTrace | where ${window} and Status == "Pending" | count`)).toEqual([[0]]);
      expect(await one(`MessageTrace | where ${window} and Subject == "" | count`)).toEqual([[0]]);
      expect(
        await one(`MessageTrace | where ${window} and MessageTraceId == ${kqlString(traceRow().MessageTraceId)} | project Status`),
      ).toEqual([['Delivered']]);
      const range = { from: at - 60_000, to: at + 60_000 };
      expect((await runKql(store, 'MessageTrace | summarize count() by Status', { timeRange: range })).rows).toEqual([['Delivered', 1]]);
    });

    test('empty fields are filled by a later read, present ones are kept', async () => {
      await store.upsertTraces([traceRow({ Subject: '', FromIP: '', Size: 0 })]);
      const counts = await store.upsertTraces([traceRow({ Subject: 'Filled', FromIP: '198.51.100.1', Size: 99 })]);
      expect(counts.updated).toBe(1);
      await store.upsertTraces([traceRow({ Subject: 'Other' })]);
      const r = await runKql(store, 'MessageTrace | project Subject, FromIP, Size');
      expect(r.rows).toEqual([['Filled', '198.51.100.1', 99]]);
    });

    test('repeats inside one batch collapse to one row with the latest status', async () => {
      const counts = await store.upsertTraces([
        traceRow({ Status: 'Pending' }),
        traceRow({ Status: 'Delivered' }),
        traceRow({ Status: 'Delivered' }),
      ]);
      expect(counts).toEqual({ ingested: 1, updated: 1, duplicates: 1 });
      const r = await runKql(store, 'MessageTrace | summarize count() by Status');
      expect(r.rows).toEqual([['Delivered', 1]]);
    });

    test('times round-trip in UTC with milliseconds', async () => {
      await store.upsertTraces([traceRow({ Received: Date.parse('2022-07-25T12:26:13.240Z') })]);
      const r = await runKql(store, 'MessageTrace | project Received');
      expect(r.rows[0]![0]).toBe('2022-07-25T12:26:13.240Z');
      expect(r.columns[0]!.type).toBe('datetime');
    });

    test('attacker-controlled text is stored verbatim and bound as a parameter', async () => {
      const evil = `'); DROP TABLE "MessageTrace"; -- <img src=x onerror=alert(1)> \u202e "quoted" \\ 請求書`;
      await store.upsertTraces([traceRow({ Subject: evil })]);
      const r = await runKql(store, `MessageTrace | where Subject == ${kqlString(evil)} | project Subject`);
      expect(r.rows).toEqual([[evil]]);
      expect(await store.distinctValues('SenderAddress')).toEqual(['alice@fabrikam.com']);
    });

    test('a batch that fails leaves the store as it was', async () => {
      await store.upsertTraces([traceRow()]);
      const bad = traceRow({ RecipientAddress: 'x@contoso.com', Size: 'not a number' as unknown as number });
      await expect(store.upsertTraces([traceRow({ RecipientAddress: 'y@contoso.com' }), bad])).rejects.toThrow();
      expect(await count('MessageTrace')).toBe(1);
    });

    test('events are inserted once', async () => {
      const ev = {
        Timestamp: Date.UTC(2026, 10, 2, 9, 30),
        MessageTraceId: 't1',
        MessageId: '<m>',
        SenderAddress: 'a@x.com',
        RecipientAddress: 'b@contoso.com',
        Event: 'RECEIVE',
        Source: 'SMTP',
        Detail: '',
        ClientIP: '203.0.113.5',
        ServerHostname: 'EX1',
      };
      expect(await store.insertEvents([ev, { ...ev, Event: 'DELIVER' }, ev])).toBe(2);
      expect(await store.insertEvents([ev])).toBe(0);
      expect(await count('MessageEvents')).toBe(2);
    });

    test('indicators are replaced per feed and upserted', async () => {
      const ind = {
        Indicator: 'evil@bad.example',
        Type: 'email' as const,
        Confidence: 80,
        Actor: 'TA542',
        Labels: ['emotet'],
        Feed: 'soc',
        ValidFrom: null,
        ValidUntil: null,
      };
      await store.replaceIndicators('soc', [ind, { ...ind, Indicator: 'bad.example', Type: 'domain' }]);
      // A feed that lists one indicator twice stores its last row.
      await store.replaceIndicators('other', [
        { ...ind, Feed: 'other', Confidence: 10 },
        { ...ind, Feed: 'other' },
      ]);
      await store.replaceIndicators('soc', [ind]);
      await store.upsertIndicators([
        { ...ind, Confidence: 70 },
        { ...ind, Confidence: 90 },
      ]);
      const r = await runKql(store, 'Indicators | project Feed, Indicator, Confidence, Labels | sort by Feed asc');
      expect(r.rows.map((x) => x.slice(0, 3))).toEqual([
        ['other', 'evil@bad.example', 80],
        ['soc', 'evil@bad.example', 90],
      ]);
    });

    test('watchlists are replaced by name', async () => {
      const w = {
        Timestamp: Date.UTC(2026, 10, 2),
        User: 's.suzuki@contoso.co.jp',
        Product: 'EDR',
        Detection: 'Keylogger',
        Severity: 'high',
        Name: 'edr',
      };
      await store.replaceWatchlist('edr', [w, w]);
      await store.replaceWatchlist('edr', [w]);
      expect(await count('Watchlist')).toBe(1);
    });

    test('state entries round-trip', async () => {
      expect(await store.getState('collector:m365')).toBeUndefined();
      await store.setState('collector:m365', { checkpoint: '2026-11-01T00:00:00Z' });
      await store.setState('collector:m365', { checkpoint: '2026-11-02T00:00:00Z' });
      expect((await store.getState('collector:m365'))?.value).toEqual({ checkpoint: '2026-11-02T00:00:00Z' });
    });

    test('a query can be interrupted, and the store answers after it', async () => {
      await store.upsertTraces(
        Array.from({ length: 3000 }, (_, i) =>
          traceRow({ MessageTraceId: `t${i}`, Subject: `subject ${i}`, Received: Date.UTC(2026, 10, 1) + i }),
        ),
      );
      const controller = new AbortController();
      // A self-join of 3,000 rows (9M pairs): long enough to interrupt.
      const slow = runKql(
        store,
        'MessageTrace | join kind=inner (MessageTrace | project Organization, S2 = Subject) on Organization | summarize n = dcount(strcat(Subject, S2))',
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await expect(slow).rejects.toThrow(/interrupted/);
      expect(Date.now() - started).toBeLessThan(10_000);
      await store.ping();
      expect(await count('MessageTrace')).toBe(3000);
    });

    test('a query can be capped', async () => {
      await store.upsertTraces([
        traceRow(),
        traceRow({ RecipientAddress: 'c@contoso.com' }),
        traceRow({ RecipientAddress: 'd@contoso.com' }),
      ]);
      expect((await runKql(store, 'MessageTrace | project RecipientAddress', { limit: 2 })).rows).toHaveLength(2);
    });

    test('an interrupt in the first milliseconds of a query still stops it', async () => {
      // An interrupt that reaches the engine before the statement has really started must not be lost.
      for (const delay of [0, 0, 1, 1, 2, 3, 5]) {
        const controller = new AbortController();
        const slow = store.query(
          store.dialect === 'clickhouse'
            ? 'SELECT count() FROM numbers(10000000000) WHERE number % 7 = 3'
            : 'SELECT count(*) FROM range(10000000000) AS a(x) WHERE x % 7 = 3',
          [],
          { signal: controller.signal },
        );
        setTimeout(() => controller.abort(), delay);
        const started = Date.now();
        await expect(slow).rejects.toThrow(/interrupted/);
        expect(Date.now() - started).toBeLessThan(3_000);
      }
      expect((await store.query('SELECT 1')).rows).toEqual([[1]]);
    });

    test('a query whose signal has fired is never started', async () => {
      await expect(store.query('SELECT 1', [], { signal: AbortSignal.abort() })).rejects.toThrow(/interrupted/);
    });

    test('rows stop at maxBytes and the result says so', async () => {
      const sql =
        store.dialect === 'clickhouse'
          ? "SELECT toInt64(number) AS x, arrayStringConcat(arrayMap(i -> 'x', range(1000))) AS s FROM (SELECT number FROM system.numbers LIMIT 5000) ORDER BY x"
          : "SELECT x, repeat('x', 1000) AS s FROM range(5000) AS a(x) ORDER BY x";
      const cut = await store.query(sql, [], { maxBytes: 100_000 });
      expect(cut.cut).toBe('bytes');
      expect(cut.rows.length).toBeGreaterThan(50);
      expect(cut.rows.length).toBeLessThan(100);
      expect(JSON.stringify(cut.rows).length).toBeLessThanOrEqual(100_000);
      expect(cut.rows.at(-1)![0]).toBe(cut.rows.length - 1);
      const whole = await store.query(sql, [], { maxBytes: 10_000_000 });
      expect(whole.cut).toBeUndefined();
      expect(whole.rows).toHaveLength(5000);
    });

    test('stats count rows, messages and groups', async () => {
      await store.upsertTraces([
        traceRow(),
        traceRow({ RecipientAddress: 'c@contoso.com', Status: 'Failed' }),
        traceRow({ MessageTraceId: 't2', Direction: 'Outbound', Source: 'eac' }),
      ]);
      const s = await store.stats();
      expect(s.rows).toBe(3);
      expect(s.messages).toBe(2);
      expect(s.byStatus).toEqual({ Delivered: 2, Failed: 1 });
      expect(s.byDirection).toEqual({ Inbound: 2, Outbound: 1 });
      expect(s.bySource).toEqual({ graph: 2, eac: 1 });
    });

    test('a sound store reports no integrity problems', async () => {
      await store.upsertTraces([traceRow()]);
      expect(await store.checkIntegrity()).toEqual([]);
    });

    runStoreExtraTests(test, () => store, count);
    runKeptRowsTests(test, () => store);
    runSavedObjectTests(test, () => store);
    runAlertDefinitionTests(test, () => store);
  });
}
