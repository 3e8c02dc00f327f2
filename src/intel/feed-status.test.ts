// A feed's connection test and its recorded sync status, against a local feed server that can refuse.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { feedFailureText } from './feed-failure.js';
import { feedStatus, testFeedConnection } from './feed-status.js';
import { syncFeed } from './indicator-store.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers['x-api-key'] !== 'feed-api-key-123') {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('evil.example\n203.0.113.9\nphish@evil.example\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('feed connection test and status', () => {
  it('reads the feed without storing it, and names a refusal without the API key', async () => {
    const good = { name: 'partner', type: 'csv' as const, url: `${base}/list.txt`, headers: { 'X-Api-Key': 'feed-api-key-123' } };
    expect(await testFeedConnection(good)).toMatchObject({ name: 'partner', ok: true, indicators: 3 });
    const refused = await testFeedConnection({
      ...good,
      url: `${base}/list.txt?key=secret-in-query`,
      headers: { 'X-Api-Key': 'wrong-key-456' },
    });
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/403/);
    expect(refused.detail).not.toMatch(/wrong-key-456|secret-in-query/);
    expect(refused.failure).toEqual({ code: 'credentials-refused', params: { url: `${base}/list.txt`, status: 403 } });
    expect(feedFailureText(refused.failure!, 'ja')).toBe(`${base}/list.txt が認証情報を拒否しました（HTTP 403）`);
  });

  it('records the last success and the last error of syncs', async () => {
    const store = await openStore('duckdb::memory:');
    const feed = { name: 'partner', type: 'csv' as const, url: `${base}/list.txt`, headers: { 'X-Api-Key': 'feed-api-key-123' } };
    expect(await feedStatus(store, ['partner'])).toEqual([{ name: 'partner', lastSuccessAt: null, indicators: 0, lastError: null }]);
    await syncFeed(store, feed);
    await expect(syncFeed(store, { ...feed, headers: { 'X-Api-Key': 'nope' } })).rejects.toThrow();
    const [s] = await feedStatus(store, ['partner']);
    expect(s!.indicators).toBe(3);
    expect(s!.lastSuccessAt).not.toBeNull();
    expect(s!.lastError?.message).toMatch(/403/);
    expect(s!.lastError).toMatchObject({ code: 'credentials-refused', params: { status: 403 } });
    expect(JSON.stringify(s)).not.toMatch(/nope/);
    await store.close();
  });
});
