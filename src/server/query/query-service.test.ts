import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { traceRow } from '../../store/store.case.js';
import { QueryCancelledError, ServerStoppingError } from '../errors.js';
import { QueryService, type QueryLimits } from './query-service.js';

/** Limits of one test's service: one slot, a minute, unless the test says otherwise. */
const limits = (over: Partial<QueryLimits> = {}): QueryLimits => ({
  rowLimit: 100,
  maxBytes: 1_000_000,
  timeoutMs: 60_000,
  concurrency: 1,
  concurrencyPerUser: 1,
  ...over,
});

// A self-join of 2,000 rows: long enough to cancel while it runs.
const HEAVY =
  'MessageTrace | join kind=inner (MessageTrace | project Organization, S2 = Subject) on Organization | summarize n = dcount(strcat(Subject, S2))';

describe('QueryService', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
    await store.upsertTraces(
      Array.from({ length: 2000 }, (_, i) =>
        traceRow({
          Received: Date.UTC(2026, 10, 1) + i * 1000,
          SenderAddress: 'a@contoso.com',
          RecipientAddress: `b${i}@fabrikam.com`,
          Subject: `subject ${i}`,
          MessageTraceId: `id${i}`,
          Organization: 'fabrikam',
        }),
      ),
    );
  });
  afterAll(async () => {
    await new Promise((r) => setTimeout(r, 500));
    await store.close();
  });

  it('stops a running query when its signal aborts, and gives the slot back', async () => {
    const service = new QueryService(store, limits());
    const ac = new AbortController();
    const started = performance.now();
    const running = service.run({ query: HEAVY, user: 'a', signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The only slot is free again once the engine has stopped.
    const next = await service.run({ query: 'MessageTrace | count', user: 'a' });
    expect(next.rows).toEqual([[2000]]);
  });

  it('stops waiting for a slot when its signal aborts', async () => {
    const service = new QueryService(store, limits());
    const first = service.run({ query: 'MessageTrace | count', user: 'a' });
    const ac = new AbortController();
    ac.abort();
    await expect(service.run({ query: 'MessageTrace | count', user: 'a', signal: ac.signal })).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await first).rows).toEqual([[2000]]);
  });

  it('stops every query when the server stops, and refuses new ones', async () => {
    const service = new QueryService(store, limits({ concurrency: 2 }));
    const running = expect(service.run({ query: HEAVY, user: 'a' })).rejects.toBeInstanceOf(ServerStoppingError);
    const waiting = expect(service.run({ query: HEAVY, user: 'a' })).rejects.toBeInstanceOf(ServerStoppingError);
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    await service.stop();
    expect(performance.now() - started).toBeLessThan(3_000);
    await running;
    await waiting;
    await expect(service.run({ query: 'MessageTrace | count', user: 'b' })).rejects.toBeInstanceOf(ServerStoppingError);
  });

  it('cuts the rows at the byte cap and says it was the bytes', async () => {
    const service = new QueryService(store, limits({ rowLimit: 1000, maxBytes: 5_000 }));
    const out = await service.run({ query: 'MessageTrace | project Subject', user: 'a' });
    expect(out.stats).toMatchObject({ truncated: true, truncatedBy: 'bytes', maxBytes: 5_000 });
    expect(out.rows.length).toBeGreaterThan(150);
    expect(JSON.stringify(out.rows).length).toBeLessThanOrEqual(5_000);
    expect(out.message).toMatch(/server\.queryMaxBytes/);
    const rows = await service.run({ query: 'MessageTrace | project Subject', user: 'a', maxBytes: 10_000_000 });
    expect(rows.stats).toMatchObject({ truncated: true, truncatedBy: 'rows', rows: 1000 });
  });
  it('reads kept rows where they answer the query, and the table where they do not', async () => {
    const service = new QueryService(store, limits({ concurrency: 2, concurrencyPerUser: 2 }));
    const from = Date.UTC(2026, 10, 1);
    const to = from + 1_000_000;
    const kept = await service.keepRows({
      query: 'MessageTrace | where Subject startswith "subject 1" | project Received, Subject',
      table: 'MessageTrace',
      from,
      to,
      maxRows: 10_000,
      user: 'u',
    });
    expect(kept?.rows.rows).toBe(111);
    expect(kept?.columns).toEqual(['Received', 'Subject']);
    const run = async (query: string, a: number, b: number) => (await service.run({ query, from: a, to: b, user: 'u', kept: kept! })).rows;
    // Inside the kept range: the kept rows (queries given them carry their filter; this one does not, to tell them
    // from the table: 61 of the 150 rows of its range).
    expect(await run('MessageTrace | count', from, from + 150_000)).toEqual([[61]]);
    // A range past theirs, and a column they lack: the table.
    expect(await run('MessageTrace | count', from, to + 1_000_000)).toEqual([[2000]]);
    expect(await run('MessageTrace | summarize dcount(RecipientAddress)', from, to)).toEqual([[1000]]);
    // More rows than maxRows: nothing kept.
    expect(
      await service.keepRows({ query: 'MessageTrace | project Received', table: 'MessageTrace', from, to, maxRows: 999, user: 'u' }),
    ).toBeUndefined();
    await service.releaseKept(kept!);
    await expect(store.query(`SELECT count(*) FROM ${kept!.rows.sql}`)).rejects.toThrow();
  });
  it('keeps no more rows at once than keptRowsAtOnce, all requests together, and gives them back on release', async () => {
    const service = new QueryService(store, limits({ concurrency: 2, concurrencyPerUser: 2, keptRowsAtOnce: 300 }));
    const from = Date.UTC(2026, 10, 1);
    const keep = (subjects: string, maxRows: number) =>
      service.keepRows({
        query: `MessageTrace | where Subject startswith "subject ${subjects}" | project Received, Subject`,
        table: 'MessageTrace',
        from,
        to: from + 1_000_000,
        maxRows,
        user: 'u',
      });
    // 111 rows held: 190 more may not be set aside (301), 189 may.
    const first = await keep('1', 200);
    expect(first?.rows.rows).toBe(111);
    expect(await keep('2', 190)).toBeUndefined();
    const second = await keep('2', 189);
    expect(second?.rows.rows).toBe(111);
    // Over its own cap: nothing kept, and nothing held for it after (222 + 78 fit).
    expect(await keep('', 10)).toBeUndefined();
    const third = await keep('19', 78);
    expect(third?.rows.rows).toBe(11);
    expect(await keep('4', 68)).toBeUndefined();
    for (const kept of [first, second, third]) await service.releaseKept(kept!);
    expect((await keep('5', 300))?.rows.rows).toBe(111);
  });
});
