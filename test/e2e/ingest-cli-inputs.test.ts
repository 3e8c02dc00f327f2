/** End to end: `mailsift ingest` on awkward inputs and failing disks; every run ends with a summary and a clear exit code. */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli.js';
import { mountTmpfs } from '../support/tmpfs.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-inputs-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (p: string) => join(import.meta.dirname, '../../src/formats', p);
let n = 0;
const newStore = () => `duckdb:${join(dir, `store-${n++}.duckdb`)}`;

function folderWith(name: string, files: Record<string, string | Buffer>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, content] of Object.entries(files)) writeFileSync(join(d, f), content);
  return d;
}

const good = () => ({
  'graph.json': readFileSync(fixture('graph/testdata/test-page.json')),
  'ps.json': readFileSync(fixture('powershell/testdata/test-warning-ndjson.json')),
});

describe('mailsift ingest on a folder mixing exports with other files', () => {
  it('stores every good record, rejects an HTML page, an empty file and a binary file with their reasons, and exits 3', async () => {
    const d = folderWith('mixed', {
      ...good(),
      'signin.json': '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body></body></html>',
      'empty.csv': '',
      'blob.bin': Buffer.from([0, 1, 2, 3, 0xff, 0, 0, 7, 8, 0, 11, 12, 0, 0, 0, 1]),
    });
    const rejects = join(dir, 'mixed-rejects.ndjson');
    const r = await runCli(['--store', newStore(), 'ingest', d, '--json', '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toMatchObject({ ingested: 5 + 3 });
    const whole = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((x) => x.line === 0)
      .map((x) => [x.file.slice(d.length + 1), x.reason]);
    expect(whole).toEqual([
      ['blob.bin', expect.stringMatching(/^binary data/)],
      ['empty.csv', 'empty file'],
      ['signin.json', expect.stringMatching(/^an HTML page, not an export/)],
    ]);
    for (const f of ['blob.bin', 'empty.csv', 'signin.json']) expect(r.stderr).toContain(`${join(d, f)}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    for (const f of report.files)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['path', 'format', 'read', 'ingested', 'updated', 'duplicates', 'skipped', 'rejected']),
      );
  });

  it('exits 1 only when nothing could be done', async () => {
    const d = folderWith('nothing', { 'empty.csv': '', 'page.html': '<html><body>Bad gateway</body></html>' });
    const r = await runCli(['--store', newStore(), 'ingest', d]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/total: 0 read/);
    expect(r.stderr).toContain('empty file');
  });
});

describe('mailsift ingest when something cannot be read or written', () => {
  // Tests run as root, who may read anything: drop to an unprivileged user for the run, when the system allows it.
  const setpriv = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
  it.skipIf(!setpriv)('rejects an unreadable file and an unreadable folder with their reasons and reads the rest', () => {
    const d = folderWith('perm', good());
    writeFileSync(join(d, 'secret.json'), readFileSync(fixture('graph/testdata/test-single-record.json')));
    chmodSync(join(d, 'secret.json'), 0o000);
    mkdirSync(join(d, 'locked'));
    writeFileSync(join(d, 'locked', 'x.json'), '{}');
    chmodSync(join(d, 'locked'), 0o000);
    const storeDir = join(dir, 'perm-store');
    mkdirSync(storeDir);
    chmodSync(storeDir, 0o777);
    const r = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        CLI,
        '--store',
        `duckdb:${join(storeDir, 's.duckdb')}`,
        'ingest',
        d,
        '--json',
      ],
      { encoding: 'utf8', env: { ...process.env, HOME: storeDir, MAILSIFT_STORE: undefined, MAILSIFT_CONFIG: undefined } },
    );
    expect(r.status, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout);
    const errors = Object.fromEntries(
      report.files
        .filter((f: { error?: string }) => f.error)
        .map((f: { path: string; error: string }) => [f.path.slice(d.length + 1), f.error]),
    );
    expect(errors).toEqual({
      locked: 'permission denied: this user may not read the folder',
      'secret.json': 'permission denied: this user may not read the file',
    });
    expect(report.totals.ingested).toBe(8);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('stores the records and exits 3 when the reject file cannot be written', async () => {
    const d = folderWith('rejects-full', good());
    const r = await runCli(['--store', newStore(), 'ingest', d, '--rejects', '/dev/full']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/total: 12 read, 8 new/);
    expect(r.stdout).toContain('rejected records: not written (could not write the reject file /dev/full: the disk is full)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('calls a damaged store damaged, not in use', async () => {
    const path = join(dir, 'damaged.duckdb');
    writeFileSync(path, randomBytes(300_000));
    const r = await runCli(['--store', `duckdb:${path}`, 'ingest', fixture('graph/testdata/test-page.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is damaged or is not a mailsift store/);
    expect(r.stderr).not.toMatch(/in use|unexpected error/);
  });

  // A real full disk: a small tmpfs, when this system lets the tests mount one.
  const mnt = join(dir, 'small-disk');
  const mounted = mountTmpfs(mnt, '4m');
  it.skipIf(!mounted)('stops with one line saying the disk is full and how many rows the run committed', async () => {
    const d = folderWith('big', {});
    const lines = [];
    for (let i = 0; i < 40_000; i++) {
      lines.push(
        JSON.stringify({
          MessageTraceId: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          RecipientAddress: `user${i}@contoso.com`,
          SenderAddress: `sender${i % 977}@fabrikam.com`,
          Received: '2026-12-01T00:00:00Z',
          Status: 'Delivered',
          Subject: `Subject ${randomBytes(24).toString('hex')}`,
          FromIP: `203.0.113.${i % 250}`,
          Size: i,
        }),
      );
    }
    writeFileSync(join(d, 'a.json'), '[\n' + lines.join(',\n') + '\n]\n');
    copyFileSync(join(d, 'a.json'), join(d, 'b.json'));
    const r = await runCli(['--store', `duckdb:${join(mnt, 's.duckdb')}`, 'ingest', d, '--batch-size', '5000']);
    expect(r.code).toBe(1);
    const line = r.stderr.trim().split('\n');
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(
      /^mailsift: the disk holding the store .* is full; this run committed [\d,]+ rows before it stopped; free some space, then run the same ingest again/,
    );
  });
});
