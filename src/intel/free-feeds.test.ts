/** The free feeds read from a local server speaking each feed's wire format, faults included. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FEEDS, readFeed, type FeedResult, type FreeFeedConfig } from './index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'free-feeds');
const file = (name: string) => readFileSync(join(DIR, name), 'utf8');
const threatfox = file('threatfox-recent.csv');

/** Path -> [status, content type, body]; like the publishers, lists are served as text with 200. */
const routes: Record<string, [number, string, string]> = {
  '/threatfox/export/csv/recent/': [200, 'text/csv', threatfox],
  '/feodo/downloads/ipblocklist.csv': [200, 'text/csv', file('feodo-ipblocklist.csv')],
  '/drop/drop_v4.json': [200, 'application/json', file('drop_v4.json')],
  '/drop/drop_v6.json': [200, 'application/json', file('drop_v6.json')],
  '/drop/edrop.txt': [200, 'text/plain', file('edrop.txt')],
  '/openphish/feed.txt': [200, 'text/plain', file('openphish-feed.txt')],
  '/html': [
    200,
    'text/html',
    '<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
  ],
  '/empty': [200, 'text/plain', '# nothing yet\n'],
  // Cut in the middle of a row, as a dropped connection leaves it.
  '/threatfox-cut': [200, 'text/csv', threatfox.slice(0, threatfox.indexOf('"ClearFake", "2026-12-03 07:35:00"'))],
};
const hits: string[] = [];
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const route = routes[path];
    if (!route) res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
    else res.writeHead(route[0], { 'Content-Type': route[1] }).end(route[2]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const values = (r: FeedResult) => r.indicators.map((i) => `${i.Type}:${i.Indicator}`).sort();
const feed = (over: Partial<FreeFeedConfig> & Pick<FreeFeedConfig, 'type'>): FreeFeedConfig => ({ name: over.type, ...over });

describe('free feeds', () => {
  it('publish a default https URL and refresh interval each', () => {
    for (const [type, f] of Object.entries(FREE_FEEDS)) {
      expect(f.urls.length, type).toBeGreaterThan(0);
      for (const u of f.urls) expect(new URL(u).protocol, type).toBe('https:');
      expect(f.refreshMinutes, type).toBeGreaterThanOrEqual(60);
    }
  });

  it('ThreatFox: ip:port, domain and URL IOCs become ip and domain indicators with malware, confidence and tags', async () => {
    const r = await readFeed(feed({ type: 'threatfox', url: `${base}/threatfox/export/csv/recent/` }));
    expect(values(r)).toEqual([
      'domain:invoice-portal.example',
      'domain:login.fabrikam-secure.example',
      'ip:2001:db8:c2::9',
      'ip:203.0.113.66',
    ]);
    const cs = r.indicators.find((i) => i.Indicator === '203.0.113.66')!;
    expect(cs).toMatchObject({ Confidence: 100, Actor: 'Cobalt Strike', Feed: 'threatfox', ValidFrom: Date.UTC(2026, 11, 3, 7, 55, 12) });
    expect(cs.Labels).toEqual(['threatfox', 'botnet_cc', 'win.cobalt_strike', 'c2', 'CobaltStrike']);
    expect(r.indicators.find((i) => i.Indicator === 'invoice-portal.example')!.Confidence).toBe(50);
    // "Unknown malware" is no actor.
    expect(r.indicators.find((i) => i.Indicator === 'login.fabrikam-secure.example')!.Actor).toBe('');
    // The hash is not a mail indicator (left out); the bad ip:port is reported with its line.
    expect(r.skipped).toEqual([{ value: 'not a host', reason: 'invalid IP address', ref: 'line 14' }]);
    expect(r.mode).toBe('replace');
  });

  it('Feodo Tracker: each C2 address with its malware; addresses gone offline count less', async () => {
    const r = await readFeed(feed({ type: 'feodotracker', url: `${base}/feodo/downloads/ipblocklist.csv` }));
    expect(values(r)).toEqual(['ip:192.0.2.201', 'ip:198.51.100.23', 'ip:2001:db8:f00d::1']);
    expect(r.indicators.find((i) => i.Indicator === '198.51.100.23')).toMatchObject({
      Confidence: 90,
      Actor: 'QakBot',
      Labels: ['feodotracker', 'botnet_cc', 'QakBot', 'c2:online'],
    });
    expect(r.indicators.find((i) => i.Indicator === '192.0.2.201')!.Confidence).toBe(70);
    expect(r.skipped).toEqual([]);
  });

  it('Spamhaus DROP reads the IPv4 and the IPv6 list into one feed; EDROP its text list', async () => {
    const drop = await readFeed(feed({ type: 'spamhaus-drop', urls: [`${base}/drop/drop_v4.json`, `${base}/drop/drop_v6.json`] }));
    expect(values(drop)).toEqual(['cidr:192.0.2.128/25', 'cidr:198.18.0.0/15', 'cidr:2001:db8:bad::/48']);
    expect(drop.indicators[0]).toMatchObject({ Confidence: 90, Labels: ['spamhaus-drop', 'SBL600001', 'rir:arin'] });
    const edrop = await readFeed(feed({ type: 'spamhaus-edrop', url: `${base}/drop/edrop.txt` }));
    expect(values(edrop)).toEqual(['cidr:100.64.32.0/20']);
    expect(edrop.indicators[0]!.Labels).toEqual(['spamhaus-edrop', 'SBL600010']);
  });

  it('OpenPhish: the exact host of each phishing URL, once, and lines that are no URL reported', async () => {
    const r = await readFeed(feed({ type: 'openphish', url: `${base}/openphish/feed.txt` }));
    expect(values(r)).toEqual([
      'domain:contoso-sharepoint.web.core.windows.example',
      'domain:secure-m365-login.example',
      'domain:xn--micrsoft-b2a.example',
      'ip:203.0.113.150',
    ]);
    expect(r.indicators[0]).toMatchObject({ Confidence: 75, Labels: ['openphish', 'phishing'], Actor: '' });
    expect(r.skipped).toEqual([{ value: 'not a url at all', reason: 'not a URL', ref: 'line 6' }]);
  });

  it('a missing list, an HTML page or a list without entries fails the read, naming the feed', async () => {
    await expect(readFeed(feed({ type: 'threatfox', url: `${base}/gone/` }))).rejects.toMatchObject({
      code: 'INTEL_FEED_FETCH',
      status: 404,
    });
    for (const type of ['threatfox', 'feodotracker', 'spamhaus-drop', 'openphish'] as const) {
      await expect(readFeed(feed({ type, url: `${base}/html` })), type).rejects.toMatchObject({
        code: 'INTEL_FEED_FORMAT',
        message: expect.stringMatching(new RegExp(`^feed ${type} answered an HTML page`)),
      });
      await expect(readFeed(feed({ type, url: `${base}/empty` })), type).rejects.toMatchObject({
        code: 'INTEL_FEED_FORMAT',
        message: expect.stringContaining('no entries'),
      });
    }
    // One bad list of two fails the whole feed and names the list.
    await expect(readFeed(feed({ type: 'spamhaus-drop', urls: [`${base}/drop/drop_v4.json`, `${base}/html`] }))).rejects.toThrow(
      `feed spamhaus-drop (${base}/html) answered an HTML page`,
    );
  });

  it('a download cut short keeps the whole rows and reports the cut one', async () => {
    const r = await readFeed(feed({ type: 'threatfox', url: `${base}/threatfox-cut` }));
    expect(values(r)).toEqual(['ip:2001:db8:c2::9', 'ip:203.0.113.66']);
    expect(r.skipped).toEqual([
      { value: expect.stringContaining('invoice-portal.example'), reason: expect.stringMatching(/cut short/), ref: 'line 11' },
    ]);
  });

  it('refuses url together with urls, or with path', async () => {
    await expect(readFeed(feed({ type: 'spamhaus-drop', url: `${base}/a`, urls: [`${base}/b`] }))).rejects.toMatchObject({
      code: 'INTEL_FEED_CONFIG',
    });
    await expect(readFeed(feed({ type: 'openphish', url: `${base}/a`, path: join(DIR, 'openphish-feed.txt') }))).rejects.toMatchObject({
      code: 'INTEL_FEED_CONFIG',
    });
  });

  it('reads a downloaded copy from a path', async () => {
    const r = await readFeed(feed({ type: 'feodotracker', path: join(DIR, 'feodo-ipblocklist.csv') }));
    expect(r.indicators).toHaveLength(3);
  });
});
