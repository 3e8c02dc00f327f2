/** End to end: commands that need the store, run while `mailsift serve` holds it, are handed to the server. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../support/run-cli.js';
import { startServe, type ServeProcess } from '../support/serve-cli.js';
import { writeTraceLines } from '../support/trace-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-handoff-'));
const storeFile = join(dir, 'data', 'mailsift.duckdb');
const store = `duckdb:${storeFile}`;
let serve: ServeProcess;

const traceFile = (name: string, first: number, count: number, bad = 0) => writeTraceLines(join(dir, name), first, count, { bad });

beforeAll(async () => {
  serve = await startServe(['--store', store]);
});
afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('commands while serve runs', () => {
  it('listens on a socket only the store owner can use', () => {
    const socketDir = join(dir, 'data', '.mailsift-control');
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(socketDir, 'mailsift.duckdb.sock')).mode & 0o777).toBe(0o600);
  });

  it('ingests two files at once through the server, with the counts and output of a run alone', async () => {
    traceFile('a.ndjson', 0, 300);
    traceFile('b.ndjson', 1000, 200);
    const [a, b] = await Promise.all([
      runCli(['--store', store, 'ingest', 'a.ndjson', '--json'], { cwd: dir }),
      runCli(['--store', store, 'ingest', 'b.ndjson', '--json'], { cwd: dir }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(a.stdout).totals).toMatchObject({ read: 300, ingested: 300, updated: 0, duplicates: 0, rejected: 0 });
    expect(JSON.parse(b.stdout).totals).toMatchObject({ read: 200, ingested: 200, updated: 0, duplicates: 0, rejected: 0 });
    // The same file into a store of its own, no server: the same report, paths as given.
    const alone = await runCli(['--store', `duckdb:${join(dir, 'alone.duckdb')}`, 'ingest', 'a.ndjson', '--json'], { cwd: dir });
    expect(alone.code, alone.stderr).toBe(0);
    expect(JSON.parse(a.stdout).files).toEqual(JSON.parse(alone.stdout).files);
    const again = await runCli(['--store', store, 'ingest', join(dir, 'a.ndjson')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('total: 300 read, 0 new, 0 updated, 300 duplicates, 0 rejected');
  });

  it('keeps the exit code 3 and the reject file of a run with rejected records', async () => {
    traceFile('c.ndjson', 2000, 10, 2);
    const r = await runCli(['--store', store, 'ingest', 'c.ndjson', '--json', '--rejects', 'c-rejects.ndjson'], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toMatchObject({ read: 12, ingested: 10, rejected: 2 });
    expect(report.rejectFile).toBe('c-rejects.ndjson');
    expect(statSync(join(dir, 'c-rejects.ndjson')).size).toBeGreaterThan(0);
    const missing = await runCli(['--store', store, 'ingest', 'nothing-here.json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });

  it('adds a user and a token through the server; the API sees the new rows', async () => {
    const user = await runCli(['--store', store, 'users', 'add', 'ops', '--role', 'admin', '--password-stdin'], {
      input: 'a-long-password-1\n',
    });
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toBe('user ops (admin) saved\n');
    const token = await runCli(['--store', store, 'tokens', 'create', 'script', '--role', 'analyst']);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stderr).toContain('token script (analyst) created');
    const res = await fetch(`${serve.url}/api/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MessageTrace | count', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[][] }).rows).toEqual([[510]]);
    const stats = await runCli(['--store', store, 'stats', '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ rows: 510, messages: 510 });
  });

  it('imports a watchlist and an intel feed through the server, relative paths from the caller', async () => {
    writeFileSync(
      join(dir, 'edr.csv'),
      'Detected At,User Principal Name,Detection Source,Alert Name,Severity\r\n2026-11-02T10:20:00Z,user1@contoso.com,EDR,Keylogger,High\r\nyesterday,x@contoso.com,EDR,Bad row,Low\r\n',
    );
    const w = await runCli(['--store', store, 'watchlist', 'import', 'edr.csv', '--json'], { cwd: dir });
    expect(w.code, w.stderr).toBe(3);
    expect(JSON.parse(w.stdout)).toMatchObject({ name: 'edr', imported: 1, skipped: 1 });
    writeFileSync(join(dir, 'bad-senders.csv'), 'indicator,type\nalice@fabrikam.com,email\n');
    const i = await runCli(['--store', store, 'intel', 'import', 'bad-senders.csv', '--json'], { cwd: dir });
    expect(i.code, i.stderr).toBe(0);
    const m = await runCli(['--store', store, 'intel', 'matches', '--json']);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(m.stdout))).toContain('alice@fabrikam.com');
  });

  it('answers usage errors as a run alone does, and refuses to run `serve` inside the server', async () => {
    const bad = await runCli(['--store', store, 'users', 'add', 'x', '--role', 'root', '--password-stdin'], { input: 'p' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--role must be one of admin|analyst|viewer');
    const second = await runCli(['--store', store, 'serve', '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another mailsift process \(PID \d+\)/);
  });
});

describe('--wait', () => {
  it('waits for a one-off command holding the store, then runs', async () => {
    const other = `duckdb:${join(dir, 'other.duckdb')}`;
    const file = traceFile('d.ndjson', 3000, 5);
    const held = await openStore(other); // this process holds the lock, as a long ingest would
    const refused = await runCli(['--store', other, 'ingest', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use by another mailsift process \(PID \d+\)/);
    const child = spawn(process.execPath, [CLI, '--store', other, 'ingest', file, '--wait', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    // It says it waits (however slowly the machine starts it), and keeps waiting while the store is held.
    await expect.poll(() => err, { timeout: 30_000, interval: 100 }).toContain('waiting for it to finish (--wait)');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(out).toBe('');
    await held.close();
    expect(await code, err).toBe(0);
    expect(JSON.parse(out).totals).toMatchObject({ ingested: 5 });
  });
});
