/** End to end: retention, backup and restore, and doctor, on the real CLI and a running server. */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { startServe, type ServeProcess } from '../support/serve-cli.js';
import { writeTraceLines } from '../support/trace-lines.js';

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-maintain-'));
const storeFile = join(dir, 'data', 'mailsift.duckdb');
const config = join(dir, 'mailsift.yaml');
writeFileSync(config, `store: duckdb:${storeFile}\nretention: 400d\n`);
chmodSync(config, 0o600);
let serve: ServeProcess | undefined;
afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(['--config', config, ...args], { cwd: dir });
const rows = async () => JSON.parse((await cli('stats', '--json')).stdout).rows as number;
/** 500 days old for ids below 100, two days old above. */
const received = (i: number) => Date.now() - (i < 100 ? 500 : 2) * DAY + i * 1000;

describe('keeping a store for a year', () => {
  it('serve applies the retention at start; maintain applies it on demand while serving', async () => {
    writeTraceLines(join(dir, 'mixed.ndjson'), 95, 10, { received }); // 5 old, 5 recent
    expect((await cli('ingest', 'mixed.ndjson')).code).toBe(0);
    chmodSync(storeFile, 0o600);
    expect(await rows()).toBe(10);
    serve = await startServe(['--config', config], { cwd: dir });
    await expect.poll(rows, { timeout: 20_000, interval: 500 }).toBe(5);
    expect(serve.log()).toMatch(/retention applied/);
    writeTraceLines(join(dir, 'old.ndjson'), 0, 3, { received });
    expect((await cli('ingest', 'old.ndjson')).code).toBe(0);
    expect(await rows()).toBe(8);
    const m = await cli('maintain', '--json');
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ retention: '400d', removed: { MessageTrace: 3, MessageEvents: 0 } });
    expect(await rows()).toBe(5);
  });

  it('backup while serving makes a copy that opens with the same counts', async () => {
    const b = await cli('backup', 'backups/monday.duckdb');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^backup written to backups\/monday.duckdb/);
    const live = JSON.parse((await cli('stats', '--json')).stdout);
    const copy = await openStore(`duckdb:${join(dir, 'backups', 'monday.duckdb')}`);
    const stats = await copy.stats();
    await copy.close();
    expect(stats).toMatchObject({ rows: live.rows, messages: live.messages, byStatus: live.byStatus, from: live.from, to: live.to });
    const again = await cli('backup', 'backups/monday.duckdb');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('doctor says healthy while serving (handed to the server)', async () => {
    const d = await cli('doctor', '--json');
    expect(d.code, d.stdout + d.stderr).toBe(0);
    const report = JSON.parse(d.stdout);
    expect(report.checks.map((c: { check: string }) => c.check)).toEqual([
      'store integrity',
      'file permissions',
      'free disk space',
      'GeoIP data',
      'retention',
    ]);
    expect(report.checks.find((c: { check: string }) => c.check === 'GeoIP data').message).toMatch(
      /DB-IP IP to Country Lite \(ip-location-db\): \d+ days old/,
    );
  });

  it('restore refuses while serve holds the store, then puts the backup back', async () => {
    const busy = await cli('restore', 'backups/monday.duckdb');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/in use by another mailsift process \(PID \d+\)/);
    expect(await serve!.stop()).toBe(0);
    serve = undefined;
    writeTraceLines(join(dir, 'later.ndjson'), 500, 4, { received });
    expect((await cli('ingest', 'later.ndjson')).code).toBe(0);
    expect(await rows()).toBe(9);
    const r = await cli('restore', 'backups/monday.duckdb');
    expect(r.code, r.stderr).toBe(0);
    expect(await rows()).toBe(5);
    const kept = /kept as (\S+)/.exec(r.stdout)![1]!;
    expect(existsSync(kept)).toBe(true);
  });

  it('doctor fails, exit 1, on a stale collector and a store file other accounts can read', async () => {
    const other = join(dir, 'doctor.yaml');
    writeFileSync(other, `store: duckdb:${storeFile}\ncollectors: [ { name: m365, type: graph, interval: 5m } ]\n`);
    chmodSync(other, 0o600);
    const s = await openStore(`duckdb:${storeFile}`);
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await s.setState('collectors', [
      {
        name: 'm365',
        type: 'graph',
        lastPassAt: threeHoursAgo,
        lastSuccessAt: threeHoursAgo,
        completeUpTo: threeHoursAgo,
        lastError: null,
      },
    ]);
    await s.close();
    chmodSync(storeFile, 0o644);
    const d = await runCli(['--config', other, 'doctor']);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/^fail  collector m365: last success 180 min ago/m);
    expect(d.stdout).toMatch(/^fail  file permissions: readable by every account/m);
    expect(d.stdout).toMatch(/a person is needed/);
  });
});
