/** Each free feed, synced into a real DuckDB store from a local server, matches the trace row planted for it. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceRow } from '../schema/index.js';
import { openStore, type Store } from '../store/index.js';
import { traceRow } from '../store/testing/trace-row.js';
import { computeMatches, loadIndicators, syncFeed, type FreeFeedConfig } from './index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'free-feeds');
const T0 = Date.UTC(2026, 11, 3, 8);

let n = 0;
/** A trace row of its own message, a minute after the one before. */
function row(over: Partial<TraceRow>): TraceRow {
  n++;
  return traceRow({ Received: T0 + n * 60_000, MessageId: `<f${n}@x>`, MessageTraceId: `f${n}`, FromIP: '192.0.2.1', ...over });
}

let server: Server;
let base = '';
let store: Store;
const broken = new Set<string>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (broken.has(name)) res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Maintenance</body></html>');
    else
      try {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(readFileSync(join(DIR, name)));
      } catch {
        res.writeHead(404).end();
      }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore('duckdb::memory:');
  await store.upsertTraces([
    row({ FromIP: '203.0.113.66' }), // ThreatFox ip:port
    row({ SenderAddress: 'ap@invoice-portal.example', SenderDomain: 'invoice-portal.example' }), // ThreatFox domain
    row({ FromIP: '198.51.100.23' }), // Feodo Tracker
    row({ FromIP: '198.19.4.5' }), // inside Spamhaus DROP 198.18.0.0/15
    row({ FromIP: '100.64.40.1' }), // inside Spamhaus EDROP 100.64.32.0/20
    row({ SenderAddress: 'it@secure-m365-login.example', SenderDomain: 'secure-m365-login.example' }), // OpenPhish
    row({}), // clean
  ]);
});
afterAll(async () => {
  await store.close();
  await new Promise<void>((r) => server.close(() => r()));
});

const feeds = (): FreeFeedConfig[] => [
  { name: 'threatfox', type: 'threatfox', url: `${base}/threatfox-recent.csv` },
  { name: 'feodotracker', type: 'feodotracker', url: `${base}/feodo-ipblocklist.csv` },
  { name: 'spamhaus-drop', type: 'spamhaus-drop', urls: [`${base}/drop_v4.json`, `${base}/drop_v6.json`] },
  { name: 'spamhaus-edrop', type: 'spamhaus-edrop', url: `${base}/edrop.txt` },
  { name: 'openphish', type: 'openphish', url: `${base}/openphish-feed.txt` },
];

describe('free feeds in a store', () => {
  it('sync and match a planted row each, and nothing clean', async () => {
    for (const f of feeds()) expect((await syncFeed(store, f)).mode).toBe('replace');
    const rows = await computeMatches(store, undefined, { now: T0 + 86_400_000 });
    const brief = rows.map((r) => `${r.feed} ${r.type} ${r.entity} <- ${r.indicator}`).sort();
    expect(brief).toEqual([
      'feodotracker fromIP 198.51.100.23 <- 198.51.100.23',
      'openphish senderDomain secure-m365-login.example <- secure-m365-login.example',
      'spamhaus-drop fromIP 198.19.4.5 <- 198.18.0.0/15',
      'spamhaus-edrop fromIP 100.64.40.1 <- 100.64.32.0/20',
      'threatfox fromIP 203.0.113.66 <- 203.0.113.66',
      'threatfox senderDomain invoice-portal.example <- invoice-portal.example',
    ]);
    expect(rows.find((r) => r.feed === 'threatfox' && r.type === 'fromIP')).toMatchObject({ actor: 'Cobalt Strike', band: 'high' });
  });

  it('a failed download keeps what the feed had stored', async () => {
    const before = await loadIndicators(store, 'feodotracker');
    expect(before).toHaveLength(3);
    broken.add('feodo-ipblocklist.csv');
    try {
      await expect(syncFeed(store, feeds()[1]!)).rejects.toMatchObject({ code: 'INTEL_FEED_FORMAT' });
    } finally {
      broken.delete('feodo-ipblocklist.csv');
    }
    expect(await loadIndicators(store, 'feodotracker')).toEqual(before);
  });
});
