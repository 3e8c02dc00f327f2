/**
 * Queries nobody waits for any more must stop in the engine: a client that goes away in the first
 * milliseconds of its query, and a `serve` stopped with SIGTERM while queries run (the real `serve`, a real store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuSeconds, untilIdle } from '../support/serve-process.js';
import { HEAVY_KQL, startQueryServer, type QueryServer } from './query-store.js';

let s: QueryServer;

beforeAll(async () => {
  // A long time-out: only cancelling can stop these queries within the test.
  s = await startQueryServer(5000, { queryTimeoutMs: 600_000, queryConcurrency: 4, queryConcurrencyPerUser: 3 });
});
afterAll(() => s?.close());

const query = (kql: string, signal?: AbortSignal) =>
  s.analyst.send('POST', '/api/query', { query: kql }, signal).catch((e: unknown) => e as Error);

describe('queries nobody waits for', () => {
  it('stop when the client goes away, even in the first milliseconds', async () => {
    for (const delay of [2, 3, 5, 8, 13, 21, 34, 55, 89]) {
      const gone = new AbortController();
      const answer = query(HEAVY_KQL, gone.signal);
      setTimeout(() => gone.abort(), delay);
      await answer;
      await new Promise((r) => setTimeout(r, 20));
    }
    const idleAfterMs = await untilIdle(s.server.pid, { limitMs: 5_000 });
    expect(idleAfterMs).toBeGreaterThanOrEqual(0);
    expect(idleAfterMs).toBeLessThan(3_000);
    const next = await Promise.all([query('MessageTrace | count'), query('MessageTrace | count'), query('MessageTrace | count')]);
    expect(next.map((r) => (r instanceof Response ? r.status : r.message))).toEqual([200, 200, 200]);
  });

  it('stop when serve gets SIGTERM, and serve exits within seconds', async () => {
    const before = cpuSeconds(s.server.pid);
    const answers = [query(HEAVY_KQL), query(HEAVY_KQL), query(HEAVY_KQL)];
    // Wait until the three queries are running: the server has spent CPU time on them (slowly on a busy machine).
    const waitUntil = performance.now() + 15_000;
    while (cpuSeconds(s.server.pid) - before < 0.5 && performance.now() < waitUntil) await new Promise((r) => setTimeout(r, 100));
    expect(cpuSeconds(s.server.pid) - before).toBeGreaterThanOrEqual(0.5);

    const sent = performance.now();
    s.server.child.kill('SIGTERM');
    const code = await s.server.exited;
    const exitMs = performance.now() - sent;
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(5_000);
    for (const a of await Promise.all(answers)) {
      // Either the answer of a stopping server or a closed connection; never a result.
      if (a instanceof Response) expect(a.status).toBe(503);
    }
  });
});
