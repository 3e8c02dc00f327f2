/**
 * The summary tables every Store keeps (src/schema/aggregates.ts) equal a recount from the rows after each kind
 * of write, and a query the planner answers from them gives the raw rows' answer. Each engine's test file runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileKql, fallbackNeeded, getDialect } from '../kql/index.js';
import {
  DAY_GRAIN_MS,
  HEAVY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
  TRACE_AGGREGATES,
  type TraceRow,
} from '../schema/index.js';
import type { DimensionEnricher, Store } from './store.js';
import { traceRow } from './testing/trace-row.js';
import { LOOKUP_SLACK_MS } from './trace-merge.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0);
const DAY = 24 * H;
/** Rows a day that make a sender heavy (HEAVY_AGGREGATES). */
const HEAVY_ROWS = HEAVY_AGGREGATES[0]!.minDayRows;

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
      Subject: `${prefix} subject ${i % 6}`,
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

/** Distinct messages under a filter on Status, Direction and the countries (a status, direction or country chip on "Messages received"). */
const MESSAGE_STATE_QUERIES = [
  'MessageTrace | where Status in ("Delivered", "Failed") | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId | summarize Messages = count() by Time = bin(Received, 1h)',
  'MessageTrace | where Status in ("Delivered", "Failed") | summarize Messages = dcount(MessageTraceId)',
  'MessageTrace | where Direction == "Inbound" and Status != "Pending" | summarize dcount(MessageTraceId) by bin(Received, 1h)',
  'MessageTrace | where Status == "Delivered" | where Direction in ("Inbound", "") | summarize Messages = dcount(MessageTraceId) by Time = bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z))',
  'MessageTrace | where Status startswith "F" or Direction == "Outbound" | summarize Received = min(Received) by MessageTraceId | count',
  'MessageTrace | where FromCountry == "US" or ToCountry == "US" | summarize Messages = dcount(MessageTraceId)',
  'MessageTrace | where FromCountry in ("KP", "US") or ToCountry in ("KP", "US") | where Status == "Delivered" | summarize dcount(MessageTraceId) by bin(Received, 1h)',
  'MessageTrace | where ToCountry != "" and FromCountry != "JP" | summarize Received = min(Received) by MessageTraceId | summarize Messages = count() by Time = bin(Received, 1h)',
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
      // A top N from a heavy-value table that may not be the whole answer: its fallback answers, as runKql does.
      const fell = c.fallback !== undefined && fallbackNeeded(c.fallback, r.rows);
      const rows = fell ? (await store.query(c.fallback!.query.sql, c.fallback!.query.params)).rows : r.rows;
      return { plan: fell ? c.fallback!.query.plan?.source : c.plan?.source, rows: rows.map((row) => JSON.stringify(row)).sort() };
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
      // Distinct messages under filters on Status, Direction and the countries, over ranges on and off the hour.
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
      // One sender of more than HEAVY_AGGREGATES' minDayRows in a day (Pending, then Delivered): held with all its rows.
      const big = Array.from({ length: HEAVY_ROWS + 5 }, (_, k) =>
        traceRow({
          MessageTraceId: `big-${k}`,
          SenderAddress: 'big@fabrikam.com',
          Received: T0 + k * 60_000,
          Status: k % 2 ? 'Pending' : 'Failed',
        }),
      );
      const first = [...batch('m', 60), ...pairs, ...big];
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
      // Read again days later than stored (within LOOKUP_SLACK_MS), a newer status: its stored row and hour change.
      await store.upsertTraces([{ ...moved, Status: 'Quarantined', Received: moved.Received + LOOKUP_SLACK_MS - H }]);
      await expectExact('a row read again days later');
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

    it('answer a top N by a count from the heavy-value table when it holds the answer, else from the daily table', async () => {
      const heavy = HEAVY_AGGREGATES[0]!;
      if (getDialect(store.dialect).heavyAggregateSource(heavy) === undefined) return;
      const rows = (sender: string, n: number, start: number, status: TraceRow['Status'] = 'Pending') =>
        Array.from({ length: n }, (_, k) =>
          traceRow({
            MessageTraceId: `${sender}-${start}-${k}`,
            SenderAddress: `${sender}@fabrikam.com`,
            Received: start + k * 30_000,
            Status: status,
            FromCountry: sender === 'a' ? 'CA' : 'JP',
          }),
        );
      // a (from Canada, as no other sender here): heavy on day 1; c: 30 a day on days 1 and 2, never heavy; b: 30 on day 1, heavy on day 3 only.
      const a = rows('a', 5 * HEAVY_ROWS, T0);
      await store.upsertTraces([
        ...a,
        ...rows('c', 30, T0 + H),
        ...rows('c', 30, T0 + DAY),
        ...rows('b', 30, T0 + 2 * H),
        ...batch('l', 40),
      ]);
      const pivot = (n: number) =>
        `MessageTrace | summarize Delivered = countif(Status == "Delivered"), Total = count() by Sender = SenderAddress | top ${n} by Total`;
      const inbound = 'MessageTrace | where Direction != "Outbound" | summarize Count = count() by SenderAddress | top 1 by Count';
      const domains = 'MessageTrace | summarize Count = count() by SenderDomain | top 2 by Count';
      const domainsTo =
        'MessageTrace | where RecipientDomain == "contoso.com" | summarize Count = count() by SenderDomain | top 1 by Count';
      const domainHeavy = HEAVY_AGGREGATES.find((d) => d.key === 'SenderDomain')!;
      // The pivot under a country chip: the heavy senders with the countries.
      const byCountry = HEAVY_AGGREGATES.find((d) => d.key === 'SenderAddress' && d.dimensions.includes('FromCountry'))!;
      const countryPivot = (n: number) =>
        pivot(n).replace('MessageTrace |', 'MessageTrace | where FromCountry == "CA" or ToCountry == "CA" |');
      /** The planned answer equals the rows', read from `source`. */
      const expectTop = async (kql: string, range: { from: number; to: number }, source: string, after: string) => {
        const planned = await answer(kql, true, range);
        expect(planned.plan, `${kql} ${after}`).toBe(source);
        expect(planned.rows, `${kql} ${after}`).toEqual((await answer(kql, false, range)).rows);
      };
      const twoDays = { from: T0 - DAY - 17 * 60_000, to: T0 + DAY + 12 * H + 5 * 60_000 };
      // a's 250 rows pass what a value not held can have over the three days the range touches (49 x 3): the heavy
      // table answers.
      await expectTop(pivot(1), twoDays, heavy.name, 'new rows');
      await expectTop(inbound, twoDays, heavy.name, 'new rows');
      await expectTop(countryPivot(1), twoDays, byCountry.name, 'new rows');
      // Only a sends from Canada: a top 2 has one row, which proves nothing; the daily senders answer.
      await expectTop(countryPivot(2), twoDays, heavy.of, 'new rows');
      // fabrikam.com, every sender's domain here, is held; contoso.com, of the light batch, not: the daily domains answer.
      await expectTop(domains, twoDays, domainHeavy.of, 'new rows');
      await expectTop(domains.replace('top 2', 'top 1'), twoDays, domainHeavy.name, 'new rows');
      // A filter on a column the heavy domains do not keep: the daily domains.
      await expectTop(domainsTo, twoDays, domainHeavy.of, 'new rows');
      // c (60) is not held and ranks second: the daily table answers.
      await expectTop(pivot(2), twoDays, heavy.of, 'new rows');
      // Newer statuses of a's rows (a recount of their hours).
      await store.upsertTraces(a.map((r) => ({ ...r, Status: 'Delivered' as const })));
      await expectTop(pivot(1), twoDays, heavy.name, 'updates');
      await expectTop(countryPivot(1), twoDays, byCountry.name, 'updates');
      // New rows of day 3 only (counts added): b, heavy there, is held with its day-1 rows too; a, held, gains ten.
      await store.upsertTraces([...rows('b', 5 * HEAVY_ROWS, T0 + 2 * DAY, 'Failed'), ...rows('a', 10, T0 + 2 * DAY + 2 * H)]);
      const threeDays = { from: T0 - DAY - 17 * 60_000, to: T0 + 2 * DAY + 12 * H };
      await expectTop(pivot(2), threeDays, heavy.name, 'a sender become heavy');
      await expectTop(domains.replace('top 2', 'top 1'), threeDays, domainHeavy.name, 'a sender become heavy');
      expect(await store.checkIntegrity()).toEqual([]);
      // Retention through day 1: a's rows of it go, b's day-3 rows stay.
      await store.deleteOlderThan(T0 + 12 * 60_000);
      await expectTop(pivot(1), threeDays, heavy.name, 'retention');
      await expectTop(countryPivot(1), threeDays, byCountry.name, 'retention');
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it('answer panel queries exactly as the rows do, over ranges on and off the hour', async () => {
      // r and s cross midnight: rows in the hours before and after a range's whole days.
      await store.upsertTraces([
        ...batch('p', 120),
        ...batch('q', 40, T0 + 26 * H),
        ...batch('r', 30, T0 + 13 * H),
        ...batch('s', 30, T0 + 38 * H),
      ]);
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
        // The domains under a country chip: the domains tables keep the countries too.
        'MessageTrace | where FromCountry in ("KP", "US") or ToCountry in ("KP", "US") | summarize Count = count() by SenderDomain | top 10 by Count',
        'MessageTrace | where FromCountry == "US" and Direction == "Inbound" | summarize dcount(SenderDomain), dcount(RecipientDomain)',
        // The per-sender pivot and the keywords' subjects under a country chip: those tables keep the countries too.
        'MessageTrace | where FromCountry in ("KP", "US") or ToCountry in ("KP", "US") | summarize Count = count() by Subject | top 100 by Count',
        'MessageTrace | where FromCountry in ("KP", "US") or ToCountry in ("KP", "US") | summarize Failed = countif(Status == "Failed"), Total = count() by SenderAddress | top 50 by Total',
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
        { from: T0 + 2 * H + 17 * 60_000, to: T0 + 42 * H + 5 * 60_000 },
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
