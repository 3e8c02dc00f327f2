/**
 * Answers are bounded in bytes as well as rows: a query whose rows would take about a gigabyte as JSON answers
 * quickly with the rows that fit, says it cut them and why, and the server's memory stays bounded
 * (the real `serve`, a real store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakRssBytes } from '../support/serve-process.js';
import { startQueryServer, type QueryServer } from './query-store.js';

const MB = 1024 * 1024;
let s: QueryServer;

// Each of the four r's of every Subject ("Quarterly report N") becomes 50 x's, and each x 300 y's: 60 kB a row,
// ~1.2 GB for 20,000 rows, from a query short enough for an export URL.
const WIDE_KQL = `MessageTrace | project Received, s = replace_string(replace_string(Subject, "r", "${'x'.repeat(50)}"), "x", "${'y'.repeat(300)}")`;
/** Peak memory allowed: the engine computes a few vectors of 2,048 rows (~120 MB each here) ahead of what is read. */
const MAX_RSS = 1536 * MB;

beforeAll(async () => {
  // The byte caps are left at their defaults (64 MB for answers and for exports).
  s = await startQueryServer(20000, { queryTimeoutMs: 60_000 });
});
afterAll(() => s?.close());

interface Answer {
  rows: unknown[][];
  stats: { rows: number; truncated: boolean; truncatedBy?: string; maxBytes?: number };
  message?: string;
}

describe('an answer of about a gigabyte', () => {
  it('is cut at server.queryMaxBytes, says so, and comes quickly', async () => {
    const started = performance.now();
    const res = await s.analyst.send('POST', '/api/query', { query: WIDE_KQL });
    const text = await res.text();
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    const body = JSON.parse(text) as Answer;
    expect(body.stats.truncated).toBe(true);
    expect(body.stats.truncatedBy).toBe('bytes');
    expect(body.stats.maxBytes).toBe(64 * MB);
    expect(body.message).toMatch(/server\.queryMaxBytes/);
    expect(Buffer.byteLength(text)).toBeLessThan(64 * MB + 64 * 1024);
    expect(body.rows.length).toBeGreaterThan(1000);
    expect(body.rows.length).toBe(body.stats.rows);
    expect(elapsed).toBeLessThan(30_000);
    // Before the cap: 774 MB of JSON for 2,500 such rows, and 6.4 GB of memory then a crash for 5,000.
    expect(peakRssBytes(s.server.pid)).toBeLessThan(MAX_RSS);
  });

  it('is cut at server.exportMaxBytes in an export', async () => {
    const res = await s.analyst.send('GET', `/api/export?format=json&query=${encodeURIComponent(WIDE_KQL)}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('x-mailsift-truncated')).toBe('true');
    expect(res.headers.get('x-mailsift-truncated-by')).toBe('bytes');
    expect(Buffer.byteLength(text)).toBeLessThan(65 * MB);
    expect((JSON.parse(text) as unknown[]).length).toBeGreaterThan(1000);
    expect(peakRssBytes(s.server.pid)).toBeLessThan(MAX_RSS);
  });

  it('still says rows when the row cap cuts first', async () => {
    const res = await s.analyst.send('POST', '/api/query', { query: 'MessageTrace | project Subject' });
    const body = (await res.json()) as Answer;
    expect(body.stats.truncated).toBe(false);
    const many = (await (
      await s.analyst.send('POST', '/api/query', {
        query: 'MessageTrace | join kind=inner (MessageTrace | project Organization) on Organization | project Subject',
      })
    ).json()) as Answer;
    expect(many.stats.truncated).toBe(true);
    expect(many.stats.truncatedBy).toBe('rows');
  });
});
