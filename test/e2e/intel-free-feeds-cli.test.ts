/** End to end: free feeds switched on with one line each, pulled by `mailsift intel sync` from local fakes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-free-feeds-'));
const FEEDS = join(import.meta.dirname, '../../src/intel/testdata/free-feeds');

const trace = (i: number, senderAddress: string, fromIP: string) => ({
  id: `b0000000-0000-4000-8000-00000000000${i}`,
  messageId: `<ff${i}@x>`,
  senderAddress,
  recipientAddress: 'bob@contoso.com',
  receivedDateTime: `2026-12-03T0${i}:30:00Z`,
  subject: 'Hello',
  size: 1000,
  fromIP,
  toIP: '',
  status: 'delivered',
});
const page = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#admin/exchange/tracing/messageTraces',
  value: [
    trace(1, 'ops@fabrikam.com', '203.0.113.66'), // ThreatFox
    trace(2, 'billing@fabrikam.com', '198.51.100.23'), // Feodo Tracker
    trace(3, 'news@fabrikam.com', '198.19.4.5'), // Spamhaus DROP
    trace(4, 'it@secure-m365-login.example', '192.0.2.1'), // OpenPhish
    trace(5, 'carol@tailspintoys.com', '192.0.2.2'), // clean
  ],
};

let server: Server;
let base = '';
let down = false;
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (down) return void res.writeHead(404).end('not found');
    try {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(readFileSync(join(FEEDS, name)));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('mailsift intel sync with free feeds', () => {
  it('pulls each feed, reports what it skipped, and finds the planted senders and IPs', async () => {
    const store = `duckdb:${join(dir, 'free.duckdb')}`;
    const config = join(dir, 'mailsift.yaml');
    // One line each; the URL is only overridden because tests stay on loopback.
    writeFileSync(
      config,
      [
        `store: ${store}`,
        'intel:',
        '  feeds:',
        `    - { type: threatfox, url: ${base}/threatfox-recent.csv }`,
        `    - { type: feodotracker, url: ${base}/feodo-ipblocklist.csv }`,
        `    - { type: spamhaus-drop, urls: [ ${base}/drop_v4.json, ${base}/drop_v6.json ] }`,
        `    - { type: openphish, url: ${base}/openphish-feed.txt }`,
        '',
      ].join('\n'),
    );
    const file = join(dir, 'page.json');
    writeFileSync(file, JSON.stringify(page));
    expect((await runCli(['--config', config, 'ingest', file])).code).toBe(0);
    const sync = await runCli(['--config', config, 'intel', 'sync', '--json']);
    // ThreatFox's bad ip:port and OpenPhish's non-URL line are listed: exit 3 says some input was rejected.
    expect(sync.code, sync.stderr).toBe(3);
    const summaries = JSON.parse(sync.stdout) as { feed: string; indicators: number; skipped: unknown[] }[];
    expect(summaries.map((s) => [s.feed, s.indicators, s.skipped.length])).toEqual([
      ['threatfox', 4, 1],
      ['feodotracker', 3, 0],
      ['spamhaus-drop', 3, 0],
      ['openphish', 4, 1],
    ]);
    const matches = await runCli(['--config', config, 'intel', 'matches', '--json']);
    const found = (JSON.parse(matches.stdout) as { entity: string; type: string; feed: string }[])
      .map((m) => `${m.feed} ${m.type}:${m.entity}`)
      .sort();
    expect(found).toEqual([
      'feodotracker fromIP:198.51.100.23',
      'openphish senderDomain:secure-m365-login.example',
      'spamhaus-drop fromIP:198.19.4.5',
      'threatfox fromIP:203.0.113.66',
    ]);

    // The feeds go away: the sync fails, names each feed, and the indicators stay.
    down = true;
    const failed = await runCli(['--config', config, 'intel', 'sync', '--feed', 'threatfox', 'openphish']);
    // The same failures in Japanese when the CLI speaks Japanese.
    const ja = await runCli(['--config', config, 'intel', 'sync', '--feed', 'openphish'], {
      env: { LANG: 'ja_JP.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    });
    down = false;
    expect(ja.code).toBe(1);
    expect(ja.stderr).toMatch(/フィード openphish: http:\/\/127\.0\.0\.1:\d+\/openphish-feed\.txt が HTTP 404 を返しました: not found/);
    expect(ja.stderr).not.toMatch(/answered/);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/feed threatfox: .*HTTP 404/);
    expect(failed.stderr).toMatch(/feed openphish: .*HTTP 404/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    const after = await runCli(['--config', config, 'intel', 'matches', '--json']);
    expect(JSON.parse(after.stdout)).toHaveLength(found.length);
  });
});
