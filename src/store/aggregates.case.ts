/**
 * The summary tables every Store keeps (src/schema/aggregates.ts) equal a recount from the rows after each kind
 * of write, and a query the planner answers from them gives the raw rows' answer. Each engine's test file runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileKql } from '../kql/index.js';
import { DAY_GRAIN_MS, MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE, TRACE_AGGREGATES, type TraceRow } from '../schema/index.js';
import type { DimensionEnricher, Store } from './store.js';
import { traceRow } from './testing/trace-row.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0);

/** The countries of the batch's sending addresses (198.51.100.0-3), as ENRICHER gives them. */
const COUNTRIES = ['JP', 'US', '', 'KP'];

/** A varied batch: several hours, statuses, directions, domains and countries. */
function batch(prefix: string, n: number, start = T0): TraceRow[] {
  const statuses: TraceRow['Status'][] = ['Delivered', 'Pending', 'Failed', 'FilteredAsSpam', 'Quarantined'];
  return Array.from({ length: n }, (_, i) => {
    const out = i % 3 === 0;
    const sender = out ? 'contoso.com' : ['fabrikam.com', 'adatum.com', 'example.net'][i % 3]!;
    const recipient = out ? ['example.org', 'fabrikam.com'][i % 2]! : 'contoso.com';
    return traceRow({
      Received: start + ((i * 7_919_000) % (5 * H)),
      MessageTraceId: `${prefix}-${Math.floor(i / 2)}`,
      RecipientAddress: `user${i % 2}@${recipient}`,
      SenderAddress: `s${i % 4}@${sender}`,
      SenderDomain: sender,
      RecipientDomain: recipient,
      Direction: i % 7 === 0 ? '' : out ? 'Outbound' : 'Inbound',
      Status: statuses[i % statuses.length]!,
      Size: i % 5 === 0 ? 0 : 1_000 + i * 37,
      FromIP: `198.51.100.${i % 4}`,
      FromCountry: COUNTRIES[i % 4]!,
      ToCountry: out ? COUNTRIES[(i + 1) % 4]! : '',
    });
  });
}

/** Distinct messages: per hour or day, in the bin of their first row (the Overview's trend), in all. */
const MESSAGE_QUERIES = [
  'MessageTrace | summarize dcount(MessageTraceId) by bin(Received, 1h)',
  'MessageTrace | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId | summarize Messages = count() by Time = bin(Received, 1h)',
  'MessageTrace | summarize Messages = dcount(MessageTraceId)',
  'MessageTrace | summarize Messages = dcount(MessageTraceId) by Time = bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z))',
  'MessageTrace | summarize Received = min(Received) by MessageTraceId | summarize Messages = count() by Time = startofday(Received) | sort by Time asc',
  'MessageTrace | summarize Received = min(Received) by MessageTraceId | count',
];

/** Distinct messages under a filter on Status and Direction (a status or direction chip on "Messages received"). */
const MESSAGE_STATE_QUERIES = [
  'MessageTrace | where Status in ("Delivered", "Failed") | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId | summarize Messages = count() by Time = bin(Received, 1h)',
  'MessageTrace | where Status in ("Delivered", "Failed") | summarize Messages = dcount(MessageTraceId)',
  'MessageTrace | where Direction == "Inbound" and Status != "Pending" | summarize dcount(MessageTraceId) by bin(Received, 1h)',
  'MessageTrace | where Status == "Delivered" | where Direction in ("Inbound", "") | summarize Messages = dcount(MessageTraceId) by Time = bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z))',
  'MessageTrace | where Status startswith "F" or Direction == "Outbound" | summarize Received = min(Received) by MessageTraceId | count',
];

const ENRICHER: DimensionEnricher = {
  direction: (s, r) => (s === 'contoso.com' ? (r === 'contoso.com' ? 'Internal' : 'Outbound') : 'Inbound'),
  geo: (ip) => ({ country: ip.startsWith('198.51.100.') ? (COUNTRIES[Number(ip.split('.')[3]) % 4] ?? '') : '', asn: 0, asOrg: '' }),
};

/** Run the summary-table suite with `factory` (a fresh store each case). */
export function runAggregateTests(name: string, factory: () => Promise<Store>): void {
  describe(`summary tables (${name})`, () => {
    let store: Store;
    const dir = mkdtempSync(join(tmpdir(), 'mailsift-agg-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    /** Rows of `kql` as the store answers it, from the summary tables (`aggregates`) or the rows; sorted. */
    const answer = async (kql: string, aggregates: boolean, timeRange?: { from?: number; to?: number }) => {
      const c = compileKql(kql, { dialect: store.dialect, aggregates, ...(timeRange ? { timeRange } : {}) });
      const r = await store.query(c.sql, c.params);
      return { plan: c.plan?.source, rows: r.rows.map((row) => JSON.stringify(row)).sort() };
    };

    /** Every summary table holds exactly what a recount of the rows gives. */
    const expectExact = async (after: string) => {
      for (const def of TRACE_AGGREGATES) {
        // A daily table answers what does not group by time (checkIntegrity below compares it day by day).
        const time = def.grainMs === DAY_GRAIN_MS ? '' : 'Received = bin(Received, 1h), ';
        const kql = `MessageTrace | summarize Rows = count(), Bytes = sum(Size) by ${time}${def.dimensions.join(', ')}`;
        const held = await answer(kql, true);
        expect(held.plan, `${def.name} answers the recount`).toBe(def.name);
        expect(held.rows, `${def.name} after ${after}`).toEqual((await answer(kql, false)).rows);
      }
      // Distinct messages per hour, and first seen per hour from ranges on and off the hour.
      const messages = [
        [MESSAGE_QUERIES[0]!, undefined],
        [MESSAGE_QUERIES[1]!, { from: T0 - 3 * H + 17 * 60_000, to: T0 + 4 * H + 5 * 60_000 }],
        [MESSAGE_QUERIES[2]!, { from: T0 + H + 1, to: T0 + 3 * H + 1_000 }],
      ] as const;
      for (const [kql, range] of messages) {
        const held = await answer(kql, true, range);
        expect(held.plan, `${MESSAGE_AGGREGATE.name} answers ${kql}`).toBe(MESSAGE_AGGREGATE.name);
        expect(held.rows, `${kql} over ${JSON.stringify(range)} after ${after}`).toEqual((await answer(kql, false, range)).rows);
      }
      // Distinct messages under filters on Status and Direction, over ranges on and off the hour.
      const ranges = [undefined, { from: T0 - 3 * H + 17 * 60_000, to: T0 + 4 * H + 5 * 60_000 }, { from: T0 + H, to: T0 + 3 * H }];
      for (const kql of MESSAGE_STATE_QUERIES)
        for (const range of ranges) {
          const held = await answer(kql, true, range);
          expect(held.plan, `${MESSAGE_STATE_AGGREGATE.name} answers ${kql}`).toBe(MESSAGE_STATE_AGGREGATE.name);
          expect(held.rows, `${kql} over ${JSON.stringify(range)} after ${after}`).toEqual((await answer(kql, false, range)).rows);
        }
      // The store's stats count messages from the summary.
      const distinct = await answer('MessageTrace | distinct MessageTraceId | count', false);
      expect(JSON.stringify([(await store.stats()).messages]), `stats after ${after}`).toBe(distinct.rows[0]);
      expect(await store.checkIntegrity(), `integrity after ${after}`).toEqual([]);
    };

    it('equal a recount from the rows after every kind of write', async () => {
      await expectExact('nothing');
      // One row alone in its hour: read again later with a time in another hour, its stored hour changes.
      const moved = traceRow({ MessageTraceId: 'moved-1', Received: T0 - 5 * H, Status: 'Pending' });
      // Messages with both rows in one hour, of two statuses (one later Delivered) and either direction.
      const pairs = Array.from({ length: 6 }, (_, k) =>
        [0, 1].map((j) =>
          traceRow({
            MessageTraceId: `pair-${k}`,
            RecipientAddress: `r${j}@fabrikam.com`,
            Received: T0 + k * 20 * 60_000 + j * 1_000,
            Status: j ? 'Delivered' : 'Pending',
            Direction: k % 2 ? 'Inbound' : 'Outbound',
          }),
        ),
      ).flat();
      const first = [...batch('m', 60), ...pairs];
      await store.upsertTraces([...first, moved]);
      await expectExact('new rows');
      // Newer statuses, fields that were empty filled in (Size 0, Direction ''), one row read again with another time.
      await store.upsertTraces(
        first.map((r) => ({
          ...r,
          Status: r.Status === 'Pending' ? 'Delivered' : r.Status,
          Size: r.Size || 777,
          Direction: r.Direction || 'Inbound',
        })),
      );
      await store.upsertTraces([{ ...moved, Status: 'Delivered', Received: T0 + H }]);
      await expectExact('updates');
      // A new message, and a recipient row of a stored message a day before its other rows (its first hour moves).
      await store.upsertTraces([
        traceRow({ Received: T0 - 2 * 24 * H + 1_234, MessageTraceId: 'late-1', Status: 'Expanded' }),
        { ...first[4]!, RecipientAddress: 'late@contoso.com', Received: T0 - 24 * H + 5_000 },
      ]);
      await expectExact('a late row');
      // Only new keys, into hours and groups already counted (added to the summary rows, not recounted).
      await store.upsertTraces(batch('n', 30));
      await expectExact('new rows in counted hours');
      await store.upsertTraces(first);
      await expectExact('the same rows again');
      if (store.upsertTracesWithOutcomes) {
        await store.upsertTracesWithOutcomes([...batch('o', 20, T0 + H), { ...first[6]!, Status: 'Delivered' }]);
        await expectExact('a batch of many files');
      }
      if (store.upsertTraceJsonLines) {
        const records: TraceRow[] = [
          ...batch('j', 30, T0 + 2 * H),
          { ...first[11]!, Status: 'Delivered' as const, Received: first[11]!.Received + H },
        ];
        const path = join(dir, `${name.replace(/\W/g, '-')}.json`);
        const line = (r: TraceRow) =>
          JSON.stringify({
            Organization: r.Organization,
            MessageId: r.MessageId,
            Received: new Date(r.Received).toISOString(),
            SenderAddress: r.SenderAddress,
            RecipientAddress: r.RecipientAddress,
            Subject: r.Subject,
            Status: r.Status,
            ToIP: r.ToIP,
            FromIP: r.FromIP,
            Size: r.Size,
            MessageTraceId: r.MessageTraceId,
          });
        writeFileSync(path, records.map(line).join('\n') + '\n');
        const counts = await store.upsertTraceJsonLines(path, 'powershell', ENRICHER);
        expect(counts?.ingested).toBe(30);
        await expectExact("the engine's own file reader");
      }
      await store.deleteOlderThan(T0 + 2 * H + 17 * 60_000);
      await expectExact('retention through the middle of an hour');
      await store.deleteOlderThan(T0 + 3 * H);
      await expectExact('retention on the hour');
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it('answer panel queries exactly as the rows do, over ranges on and off the hour', async () => {
      await store.upsertTraces([...batch('p', 120), ...batch('q', 40, T0 + 26 * H)]);
      const queries = [
        'MessageTrace | where Status == "Delivered" | count',
        'MessageTrace | summarize Count = count() by Time = bin(Received, 1h), Status',
        'MessageTrace | summarize Count = count() by Time = bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z)), Status',
        'MessageTrace | summarize Bytes = sum(Size)',
        'MessageTrace | summarize Count = count() by Status | sort by Count desc',
        'MessageTrace | summarize Count = count() by SenderDomain | top 10 by Count',
        'MessageTrace | where SenderDomain endswith_cs "contoso.com" or RecipientDomain endswith_cs "contoso.com" | summarize count(), countif(Status == "Failed"), sumif(Size, Direction == "Inbound") by bin(Received, 1d)',
        'MessageTrace | where Direction in ("Inbound", "Outbound") | summarize dcount(SenderDomain), min(Status), max(RecipientDomain)',
        // Whole days from the daily tables, the hours around them from the hourly ones.
        'MessageTrace | summarize Delivered = countif(Status == "Delivered"), Total = count(), Bytes = sum(Size) by SenderAddress',
        'MessageTrace | where Status != "Failed" | summarize Count = count() by Subject',
        'MessageTrace | summarize count() by SenderDomain, RecipientDomain',
        // The maps and a country chip.
        'MessageTrace | where FromCountry != "" | summarize Count = count() by FromCountry',
        'MessageTrace | where FromCountry in ("KP", "US") or ToCountry in ("KP", "US") | summarize Count = count(), Bytes = sum(Size) by bin(Received, 1d), Status',
        ...MESSAGE_QUERIES,
        ...MESSAGE_STATE_QUERIES,
      ];
      const ranges = [
        undefined,
        { from: T0, to: T0 + 3 * H },
        { from: T0 + 17 * 60_000, to: T0 + 27 * H + 5 * 60_000 },
        { from: T0 + 65 * 60_000 },
        { to: T0 + 2 * H + 1 },
        { from: T0 + 10 * 60_000, to: T0 + 20 * 60_000 },
        { from: T0 - 24 * H + 17 * 60_000, to: T0 + 48 * H + 5 * 60_000 },
        { from: T0 - 9 * H, to: T0 + 15 * H },
      ];
      for (const q of queries) {
        for (const range of ranges) {
          const planned = await answer(q, true, range);
          if (range?.to !== T0 + 20 * 60_000) expect(planned.plan, `${q} over ${JSON.stringify(range)}`).not.toBe('rows');
          expect(planned.rows, `${q} over ${JSON.stringify(range)}`).toEqual((await answer(q, false, range)).rows);
        }
      }
    });
  });
}
