import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError, FeedFormatError, readFeed } from './index.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');

/** Serves testdata/ read-only, counting requests per path. */
const hits = new Map<string, number>();
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = normalize(join(TESTDATA, path));
    if (!file.startsWith(TESTDATA)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('feeds at URLs', () => {
  it('reads a MISP feed under a base URL the same as from its folder', async () => {
    const fromUrl = await readFeed({ name: 'circl', type: 'misp', url: `${base}/test-misp-feed/` });
    const fromDir = await readFeed({ name: 'circl', type: 'misp', path: join(TESTDATA, 'test-misp-feed') });
    expect(fromUrl).toEqual(fromDir);
    expect([...hits.keys()].some((p) => p.includes('passwd'))).toBe(false);
  });

  it('fetches only changed MISP events when given the previous state', async () => {
    const first = await readFeed({ name: 'circl', type: 'misp', url: `${base}/test-misp-feed/manifest.json` });
    const state = first.state!;
    if (state.type !== 'misp') throw new Error('expected MISP state');
    const before = hits.get('/test-misp-feed/5e6f7a8b-1111-4c2d-9e3f-0a1b2c3d4e5f.json') ?? 0;
    const older = { ...state, events: { ...state.events, '6f7a8b9c-2222-4d3e-8f40-1b2c3d4e5f60': 1 } };
    const second = await readFeed({ name: 'circl', type: 'misp', url: `${base}/test-misp-feed/` }, older);
    expect(second.mode).toBe('upsert');
    expect(second.indicators.map((i) => i.Indicator)).toEqual(['198.51.100.0/24', '2001:db8:bad::/48']);
    expect(hits.get('/test-misp-feed/5e6f7a8b-1111-4c2d-9e3f-0a1b2c3d4e5f.json')).toBe(before);
    expect(second.state).toEqual(state);
  });

  it('reads a STIX bundle from a URL', async () => {
    const r = await readFeed({ name: 'soc', type: 'stix', url: `${base}/test-stix-bundle.json` });
    expect(r.indicators.length).toBeGreaterThan(0);
  });

  it('reports a missing document and a non-JSON one with named errors', async () => {
    await expect(readFeed({ name: 'x', type: 'stix', url: `${base}/missing.json` })).rejects.toMatchObject({
      code: 'INTEL_FEED_FETCH',
      status: 404,
    });
    await expect(readFeed({ name: 'x', type: 'stix', url: `${base}/test-drop.txt` })).rejects.toBeInstanceOf(FeedFormatError);
    await expect(readFeed({ name: 'x', type: 'stix', path: join(TESTDATA, 'nope.json') })).rejects.toBeInstanceOf(FeedFetchError);
    await expect(readFeed({ name: 'x', type: 'stix', url: 'ftp://127.0.0.1/x' })).rejects.toMatchObject({ code: 'INTEL_FEED_CONFIG' });
    await expect(readFeed({ name: 'x', type: 'csv' } as never)).rejects.toMatchObject({ code: 'INTEL_FEED_CONFIG' });
  });
});
