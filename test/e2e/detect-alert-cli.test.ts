/** End to end: `demo --no-serve`, `watchlist import`, `detect` and `alerts test` through the built command. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-detect-'));
const store = `duckdb:${join(dir, 'demo.duckdb')}`;
const config = join(dir, 'mailsift.yaml');
const SECRET = 'hook-secret-value-0123456789';
const env = { HOOK_SECRET: SECRET };
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
const hook = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  writeFileSync(
    config,
    [
      `store: ${store}`,
      'organization: { name: Contoso, acceptedDomains: [contoso.co.jp, contoso.com], homeCountries: [JP], embargoedCountries: [KP, IR, SY, CU] }',
      'detections: { timeZone: Asia/Tokyo }',
      'alerts:',
      '  destinations:',
      `    - { name: soc-hook, type: webhook, url: "${url}", secret: "\${env:HOOK_SECRET}" }`,
      '',
    ].join('\n'),
  );
  const built = await runCli(['--config', config, '--store', store, 'demo', '--no-serve', '--days', '10', '--per-day', '800'], { env });
  expect(built.code, built.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await new Promise((resolve) => hook.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('detect, watchlist and alerts from the command line', () => {
  it('finds the planted incidents of the demo month as findings in the contract shape', async () => {
    const r = await runCli(['--config', config, 'detect', '--format', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const findings = JSON.parse(r.stdout) as {
      id: string;
      rule: string;
      severity: string;
      title: string;
      entities: Record<string, string>;
      query: string;
      count: number;
    }[];
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ['embargoed-geo', 'lookalike-domain', 'threat-intel-match']) expect(rules).toContain(rule);
    for (const f of findings) {
      expect(f).toMatchObject({ id: expect.any(String), title: expect.any(String), query: expect.stringMatching(/^MessageTrace|^\w+/) });
      expect(['low', 'medium', 'high', 'critical']).toContain(f.severity);
    }
    // The evidence query of a finding runs and lists its rows.
    const f = findings.find((x) => x.rule === 'lookalike-domain')!;
    const evidence = await runCli(['--config', config, 'query', f.query, '--format', 'json'], { env });
    expect(evidence.code, evidence.stderr).toBe(0);
    expect(JSON.parse(evidence.stdout)).toHaveLength(f.count);
  });

  it('imports an EDR watchlist from CSV', async () => {
    const csv = join(dir, 'edr.csv');
    writeFileSync(csv, 'Timestamp,User,Product,Detection,Severity\n2026-11-02T01:00:00Z,s.suzuki@contoso.co.jp,Defender,Keylogger,High\n');
    const r = await runCli(['--config', config, 'watchlist', 'import', csv, '--name', 'edr2'], { env });
    expect(r.code, r.stderr).toBe(0);
    const q = await runCli(
      ['--config', config, 'query', 'Watchlist | where Name == "edr2" | project User, Detection', '--format', 'json'],
      { env },
    );
    expect(JSON.parse(q.stdout)).toEqual([{ User: 's.suzuki@contoso.co.jp', Detection: 'Keylogger' }]);
  });

  it('never rebuilds a store that holds real mail', async () => {
    const real = `duckdb:${join(dir, 'real.duckdb')}`;
    const page = join(dir, 'page.json');
    writeFileSync(
      page,
      JSON.stringify({
        '@odata.context': 'x',
        value: [
          {
            id: 'r1',
            messageId: '<r1@x>',
            senderAddress: 'a@fabrikam.com',
            recipientAddress: 'b@contoso.com',
            receivedDateTime: '2026-11-02T09:30:00Z',
            subject: 'real',
            size: 1,
            fromIP: '',
            toIP: '',
            status: 'delivered',
          },
        ],
      }),
    );
    expect((await runCli(['--store', real, 'ingest', page])).code).toBe(0);
    const r = await runCli(['--store', real, 'demo', '--no-serve']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a demo tenant/);
    const q = await runCli(['--store', real, 'query', 'MessageTrace | count', '--format', 'json']);
    expect(JSON.parse(q.stdout)).toEqual([{ Count: 1 }]);
  });

  it('sends a signed sample alert to a webhook, and never prints the secret', async () => {
    const r = await runCli(['--config', config, 'alerts', 'test', 'soc-hook'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['content-type']).toMatch(/application\/json/);
    expect(String(received[0]!.headers['x-mailsift-signature'])).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ severity: expect.any(String) });
  });
});
