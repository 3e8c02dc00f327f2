/** End to end: `mailsift collect --once` against the local fake of Microsoft identity and Graph. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/collect/index.js';
import {
  CLIENT_SECRET,
  MemoryDataset,
  TENANT_ID,
  CLIENT_ID,
  expectedRows,
  graphEntry,
  spreadTraces,
  startFakeMicrosoft,
  storedRows,
  type FakeMicrosoft,
} from '../../src/collect/testing/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-collect-'));
let fake: FakeMicrosoft;
const dataset = new MemoryDataset();

beforeAll(async () => {
  // Rows over the last two days, all old enough to be past the collector's 15-minute lag.
  dataset.add(...spreadTraces(120, 2, Date.now() - 20 * 60_000));
  fake = await startFakeMicrosoft({
    clock: systemClock,
    tenants: [{ tenantId: TENANT_ID, apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }], dataset }],
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mailsift collect --once', () => {
  it('stores exactly what Graph holds, and a second pass adds no duplicates', async () => {
    const store = `duckdb:${join(dir, 'collect.duckdb')}`;
    const config = join(dir, 'mailsift.yaml');
    const entry = { ...graphEntry(fake), clientSecret: '${env:GRAPH_SECRET}', initialLookback: '3d' };
    writeFileSync(config, `store: ${store}\norganization: { acceptedDomains: [contoso.com] }\ncollectors:\n  - ${JSON.stringify(entry)}\n`);
    const env = { GRAPH_SECRET: CLIENT_SECRET };
    const first = await runCli(['--config', config, 'collect', '--once'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout + first.stderr).not.toContain(CLIENT_SECRET);
    const second = await runCli(['--config', config, 'collect', '--once'], { env });
    expect(second.code, second.stderr).toBe(0);
    const s = await openStore(store);
    const stored = await storedRows(s);
    const stats = await s.stats();
    await s.close();
    expect(stored).toEqual(expectedRows(dataset.visible(Date.now())));
    expect(stats.byDirection).toEqual({ Inbound: 120 });
    const status = await runCli(['--config', config, 'stats', '--json'], { env });
    const collectors = JSON.parse(status.stdout).collectors;
    expect(collectors).toEqual([expect.objectContaining({ name: 'm365', type: 'graph' })]);
  });

  it('says what to do when the secret is wrong, without printing it', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(
      config,
      `store: duckdb:${join(dir, 'bad.duckdb')}\ncollectors:\n  - ${JSON.stringify({ ...graphEntry(fake), clientSecret: 'wrong-secret-value' })}\n`,
    );
    const r = await runCli(['--config', config, 'collect', '--once']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('wrong-secret-value');
    expect(r.stdout + r.stderr).toMatch(/m365/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // A Japanese admin reads what kind of failure it is in Japanese, then Microsoft's own words; stats says it too.
    const ja = await runCli(['--config', config, '--lang', 'ja', 'collect', '--once']);
    expect(ja.stdout + ja.stderr).toMatch(/m365: 失敗: サインインに失敗（アプリの資格情報を確認してください）: /);
    expect(ja.stdout + ja.stderr).not.toContain('wrong-secret-value');
    const stats = await runCli(['--config', config, '--lang', 'ja', 'stats']);
    expect(stats.stdout).toMatch(/サインインに失敗/);
  });
});
