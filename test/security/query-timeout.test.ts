/**
 * A query past its time-out must stop in the engine, not only in the answer: after the 504 the server's CPU
 * goes back to idle within seconds and the analyst's query slots are free again (the real `serve`, a real store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilIdle } from '../support/serve-process.js';
import { HEAVY_KQL, startQueryServer, type QueryServer } from './query-store.js';

let s: QueryServer;

beforeAll(async () => {
  s = await startQueryServer(5000, { queryTimeoutMs: 1000, queryConcurrency: 4, queryConcurrencyPerUser: 3 });
});
afterAll(() => s?.close());

const query = (kql: string) => s.analyst.send('POST', '/api/query', { query: kql });

describe('a query past its time-out', () => {
  it('answers 504, stops the engine and gives the slots back', async () => {
    // Three at once: all of the analyst's slots.
    const answers = await Promise.all([query(HEAVY_KQL), query(HEAVY_KQL), query(HEAVY_KQL)]);
    expect(answers.map((r) => r.status)).toEqual([504, 504, 504]);
    expect(((await answers[0]!.json()) as { error: { code: string } }).error.code).toBe('QUERY_TIMEOUT');

    // The engine stops: the server process goes back to idle within seconds (it ran for minutes before).
    const idleAfterMs = await untilIdle(s.server.pid, { limitMs: 5_000 });
    expect(idleAfterMs).toBeGreaterThanOrEqual(0);
    expect(idleAfterMs).toBeLessThan(3_000);

    // The slots are free: three more queries of the same analyst run at once.
    const next = await Promise.all([query('MessageTrace | count'), query('MessageTrace | count'), query('MessageTrace | count')]);
    expect(next.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(((await next[0]!.json()) as { rows: unknown[][] }).rows).toEqual([[5000]]);
  });

  it('stops queries that got their slot just before their deadline', async () => {
    // Queries queued behind the first three get a slot as those stop, some a moment before their own
    // deadline: their time-out then reaches the engine in the first milliseconds of the run.
    const answers: Promise<Response>[] = [query(HEAVY_KQL), query(HEAVY_KQL), query(HEAVY_KQL)];
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 5));
      answers.push(query(HEAVY_KQL));
    }
    const statuses = (await Promise.all(answers)).map((r) => r.status);
    expect(statuses.every((s) => s === 504 || s === 503)).toBe(true);

    const idleAfterMs = await untilIdle(s.server.pid, { limitMs: 5_000 });
    expect(idleAfterMs).toBeGreaterThanOrEqual(0);
    expect(idleAfterMs).toBeLessThan(3_000);
    const next = await Promise.all([query('MessageTrace | count'), query('MessageTrace | count'), query('MessageTrace | count')]);
    expect(next.map((r) => r.status)).toEqual([200, 200, 200]);
  });
});
