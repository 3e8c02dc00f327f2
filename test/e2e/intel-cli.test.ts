/** End to end: `mailsift intel import` and `intel matches` on a real store. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-intel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BUNDLE = join(import.meta.dirname, '../../src/intel/testdata/test-stix-bundle.json');

const page = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#admin/exchange/tracing/messageTraces',
  value: [
    {
      id: 'a0000000-0000-4000-8000-000000000001',
      messageId: '<i1@x>',
      senderAddress: 'billing@contoso-invoices.example',
      recipientAddress: 'bob@contoso.com',
      receivedDateTime: '2026-11-02T09:30:00Z',
      subject: 'Invoice',
      size: 1000,
      fromIP: '203.0.113.50',
      toIP: '',
      status: 'delivered',
    },
    {
      id: 'a0000000-0000-4000-8000-000000000002',
      messageId: '<i2@x>',
      senderAddress: 'alice@fabrikam.com',
      recipientAddress: 'bob@contoso.com',
      receivedDateTime: '2026-11-02T10:30:00Z',
      subject: 'Hello',
      size: 1000,
      fromIP: '198.51.100.77',
      toIP: '',
      status: 'delivered',
    },
    {
      id: 'a0000000-0000-4000-8000-000000000003',
      messageId: '<i3@x>',
      senderAddress: 'carol@tailspintoys.com',
      recipientAddress: 'bob@contoso.com',
      receivedDateTime: '2026-11-02T11:30:00Z',
      subject: 'Clean',
      size: 1000,
      fromIP: '192.0.2.1',
      toIP: '',
      status: 'delivered',
    },
  ],
};

describe('mailsift intel', () => {
  it('imports a STIX bundle, lists what it could not use, and finds the senders and IPs it matches', async () => {
    const store = `duckdb:${join(dir, 'intel.duckdb')}`;
    const file = join(dir, 'page.json');
    writeFileSync(file, JSON.stringify(page));
    expect((await runCli(['--store', store, 'ingest', file])).code).toBe(0);
    const imported = await runCli(['--store', store, 'intel', 'import', BUNDLE, '--feed', 'soc', '--json']);
    // Patterns it can't evaluate are listed, and make the exit code say some input was rejected.
    expect(imported.code, imported.stderr).toBe(3);
    const [summary] = JSON.parse(imported.stdout);
    expect(summary.feed).toBe('soc');
    expect(summary.indicators).toBeGreaterThan(3);
    expect(summary.skipped.length).toBeGreaterThan(0);
    const matches = await runCli(['--store', store, 'intel', 'matches', '--json']);
    expect(matches.code, matches.stderr).toBe(0);
    const rows = JSON.parse(matches.stdout) as { entity: string; type: string; feed: string }[];
    const found = rows.map((r) => `${r.type}:${r.entity}`).sort();
    expect(found).toEqual(
      expect.arrayContaining(['fromIP:198.51.100.77', 'sender:billing@contoso-invoices.example', 'senderDomain:contoso-invoices.example']),
    );
    expect(found.some((f) => f.includes('tailspintoys') || f.includes('192.0.2.1'))).toBe(false);
    // The same matches are a KQL table.
    const kql = await runCli([
      '--store',
      store,
      'query',
      'IntelMatches | where EntityType == "sender" | project Entity, Feed, Band, Messages',
      '--format',
      'json',
    ]);
    expect(JSON.parse(kql.stdout)).toEqual([
      expect.objectContaining({ Entity: 'billing@contoso-invoices.example', Feed: 'soc', Messages: 1 }),
    ]);
    const table = await runCli(['--store', store, 'intel', 'matches']);
    expect(table.stdout).toMatch(/billing@contoso-invoices\.example/);
  });

  it('says so when no feeds are configured', async () => {
    const r = await runCli(['--store', `duckdb:${join(dir, 'none.duckdb')}`, 'intel', 'sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no feeds configured/);
  });
});
