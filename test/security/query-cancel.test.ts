/**
 * Queries nobody waits for any more must stop in the engine: a client that goes away in the first
 * milliseconds of its query, and a `serve` stopped with SIGTERM while queries run (the real `serve`, a real store).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, cpuSeconds, signIn, startServe, untilIdle, type HttpSession, type ServeProcess } from '../support/serve-process.js';
import { HEAVY_KQL, seedStore } from './query-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-cancel-'));
const store = `duckdb:${join(dir, 'store.duckdb')}`;
let server: ServeProcess;
let analyst: HttpSession;

beforeAll(async () => {
  await seedStore(store, 5000);
  await addUser(store, 'analyst', 'analyst', 'analyst-password-1');
  const config = join(dir, 'mailsift.yaml');
  // A long time-out: only cancelling can stop these queries within the test.
  writeFileSync(config, 'server:\n  queryTimeoutMs: 600000\n  queryConcurrency: 4\n  queryConcurrencyPerUser: 3\n');
  server = await startServe({ store, config });
  analyst = await signIn(server.url, 'analyst', 'analyst-password-1');
});
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const query = (kql: string, signal?: AbortSignal) =>
  analyst.send('POST', '/api/query', { query: kql }, signal).catch((e: unknown) => e as Error);

describe('queries nobody waits for', () => {
  it('stop when the client goes away, even in the first milliseconds', async () => {
    for (const delay of [2, 3, 5, 8, 13, 21, 34, 55, 89]) {
      const gone = new AbortController();
      const answer = query(HEAVY_KQL, gone.signal);
      setTimeout(() => gone.abort(), delay);
      await answer;
      await new Promise((r) => setTimeout(r, 20));
    }
    const idleAfterMs = await untilIdle(server.pid, { limitMs: 5_000 });
    expect(idleAfterMs).toBeGreaterThanOrEqual(0);
    expect(idleAfterMs).toBeLessThan(3_000);
    const next = await Promise.all([query('MessageTrace | count'), query('MessageTrace | count'), query('MessageTrace | count')]);
    expect(next.map((r) => (r instanceof Response ? r.status : r.message))).toEqual([200, 200, 200]);
  });

  it('stop when serve gets SIGTERM, and serve exits within seconds', async () => {
    const answers = [query(HEAVY_KQL), query(HEAVY_KQL), query(HEAVY_KQL)];
    await new Promise((r) => setTimeout(r, 500));
    const before = cpuSeconds(server.pid);
    await new Promise((r) => setTimeout(r, 500));
    // The three queries are running.
    expect(cpuSeconds(server.pid) - before).toBeGreaterThan(0.1);

    const sent = performance.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const exitMs = performance.now() - sent;
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(5_000);
    for (const a of await Promise.all(answers)) {
      // Either the answer of a stopping server or a closed connection; never a result.
      if (a instanceof Response) expect(a.status).toBe(503);
    }
  });
});
