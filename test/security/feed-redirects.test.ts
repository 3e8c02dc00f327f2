/**
 * A feed's configured headers do not follow redirects to another origin: every feed type fetches through
 * one helper that follows redirects itself, drops the configured headers on a cross-origin hop, never resends
 * a request body there, stops after a few hops and refuses schemes other than http(s)
 * (the real `mailsift intel sync`, local listeners on two ports = two origins).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { INDICATOR, answer, headerText, listen, type Listener } from './feed-listeners.js';

const SECRET = 'k-123-secret';
const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-redirect-'));
let feedHost: Listener;
let elsewhere: Listener;

const BUNDLE = {
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects: [INDICATOR],
};

beforeAll(async () => {
  // The other origin serves what each feed type expects, to show the read succeeds without the headers.
  elsewhere = await listen((req, res) => {
    if (req.path.endsWith('.csv')) return answer(res, 200, 'indicator\ncontoso-invoices.example\n');
    if (req.path.endsWith('bundle.json')) return answer(res, 200, BUNDLE);
    if (req.path.endsWith('drop.txt')) return answer(res, 200, '; Spamhaus DROP List\n192.0.2.0/24 ; SBL000001\n');
    if (req.path.endsWith('manifest.json')) return answer(res, 200, {});
    if (req.path.endsWith('/oauth2/token')) return answer(res, 200, { access_token: 'stolen' });
    if (req.path === '/bounce-back') return answer(res, 302, '', { location: `${feedHost.url}/here/list.csv` });
    answer(res, 404, 'not found');
  });
  feedHost = await listen((req, res) => {
    const to = (path: string, status = 302) => answer(res, status, '', { location: path });
    // Cross-origin hops, one per feed type.
    if (req.path === '/feeds/list.csv') return to(`${elsewhere.url}/mirror/list.csv`);
    if (req.path === '/feeds/bundle.json') return to(`${elsewhere.url}/mirror/bundle.json`, 301);
    if (req.path === '/feeds/drop.txt') return to(`${elsewhere.url}/mirror/drop.txt`, 307);
    if (req.path === '/misp/manifest.json') return to(`${elsewhere.url}/mirror/manifest.json`, 308);
    // A POST carrying a client secret in its body, redirected with the body kept (307).
    if (req.path === '/falcon/oauth2/token') return to(`${elsewhere.url}/oauth2/token`, 307);
    // Same origin: the headers stay.
    if (req.path === '/moved/list.csv') return to('/here/list.csv', 301);
    if (req.path === '/here/list.csv') return answer(res, 200, 'indicator\nfabrikam-payroll.example\n');
    // Back and forth after leaving: the headers do not come back.
    if (req.path === '/bounce/list.csv') return to(`${elsewhere.url}/bounce-back`);
    if (req.path === '/loop') return to('/loop');
    if (req.path === '/to-file') return to('file:///etc/passwd');
    answer(res, 404, 'not found');
  });
});
afterAll(async () => {
  await feedHost?.close();
  await elsewhere?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sync the named feeds with headers carrying the secret. */
async function sync(name: string, feeds: string[]) {
  const headers = `      headers: { X-Api-Key: ${SECRET}, Authorization: "Bearer ${SECRET}" }\n`;
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `intel:\n  feeds:\n${feeds.map((f) => f + headers).join('')}`);
  return runCli(['--config', file, '--store', `duckdb:${join(dir, `${name}.duckdb`)}`, 'intel', 'sync', '--json']);
}
const feed = (name: string, type: string, url: string) => `    - name: ${name}\n      type: ${type}\n      url: ${url}\n`;

describe('a feed redirected to another origin', () => {
  it('is read without the configured headers, for every feed type', async () => {
    const r = await sync('types', [
      feed('csv', 'csv', `${feedHost.url}/feeds/list.csv`),
      feed('stix', 'stix', `${feedHost.url}/feeds/bundle.json`),
      feed('drop', 'drop', `${feedHost.url}/feeds/drop.txt`),
      feed('misp', 'misp', `${feedHost.url}/misp/manifest.json`),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const read = Object.fromEntries((JSON.parse(r.stdout) as { feed: string; indicators: number }[]).map((s) => [s.feed, s.indicators]));
    expect(read).toMatchObject({ csv: 1, stix: 1, drop: 1, misp: 0 });
    // The configured origin got the headers; the other origin got four requests and not one of them.
    expect(feedHost.seen.every((s) => s.headers['x-api-key'] === SECRET)).toBe(true);
    expect(elsewhere.seen.map((s) => s.path).sort()).toEqual([
      '/mirror/bundle.json',
      '/mirror/drop.txt',
      '/mirror/list.csv',
      '/mirror/manifest.json',
    ]);
    expect(headerText(elsewhere.seen)).not.toContain(SECRET);
  });

  it('keeps the headers on a redirect within the same origin', async () => {
    const before = feedHost.seen.length;
    const r = await sync('same', [feed('same', 'csv', `${feedHost.url}/moved/list.csv`)]);
    expect(r.code, r.stderr).toBe(0);
    const hops = feedHost.seen.slice(before);
    expect(hops.map((s) => s.path)).toEqual(['/moved/list.csv', '/here/list.csv']);
    expect(hops.every((s) => s.headers['x-api-key'] === SECRET && s.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  it('does not bring the headers back when a redirect returns to the configured origin', async () => {
    const before = feedHost.seen.length;
    const r = await sync('bounce', [feed('bounce', 'csv', `${feedHost.url}/bounce/list.csv`)]);
    expect(r.code, r.stderr).toBe(0);
    const [first, back] = feedHost.seen.slice(before);
    expect(first!.headers['x-api-key']).toBe(SECRET);
    expect(back!.path).toBe('/here/list.csv');
    expect(headerText([back!, ...elsewhere.seen])).not.toContain(SECRET);
  });

  it('does not resend a POST body with a client secret to another origin', async () => {
    const file = join(dir, 'falcon.yaml');
    writeFileSync(
      file,
      `intel:\n  feeds:\n    - name: falcon\n      type: crowdstrike\n      url: ${feedHost.url}/falcon\n      clientId: id-1\n      clientSecret: ${SECRET}\n`,
    );
    const seen = elsewhere.seen.length;
    const r = await runCli(['--config', file, '--store', `duckdb:${join(dir, 'falcon.duckdb')}`, 'intel', 'sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/redirected a request with a body to another origin/);
    expect(r.stderr).not.toContain(SECRET);
    expect(elsewhere.seen.length).toBe(seen);
  });

  it('stops after a few hops, and refuses a redirect to a file', async () => {
    const r = await sync('bad', [feed('loop', 'csv', `${feedHost.url}/loop`), feed('file', 'csv', `${feedHost.url}/to-file`)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/feed loop: .*redirected more than 5 times/);
    expect(r.stderr).toMatch(/feed file: unsupported URL scheme file:/);
    expect(r.stderr).not.toContain('root:');
  });
});
