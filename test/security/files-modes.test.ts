/**
 * The store is readable by its owner only: the data folder mailsift creates is 0700, the database file 0600
 * whatever the umask, and a store file made readable to all by an older version is narrowed at the next
 * start (the real `mailsift ingest` and `stats`).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { modeOf, writeGraphPage } from './files-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-modes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store files', () => {
  it('are created private: folders 0700, the database 0600, nothing left beside it', async () => {
    const input = join(dir, 'page.json');
    writeGraphPage(input, 50);
    const data = join(dir, 'mailsift-data');
    const storePath = join(data, 'tenant', 'mailsift.duckdb');
    const r = await runCli(['--store', `duckdb:${storePath}`, 'ingest', input, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.ingested).toBe(50);
    expect(modeOf(data)).toBe('700');
    expect(modeOf(join(data, 'tenant'))).toBe('700');
    expect(modeOf(storePath)).toBe('600');
    // The staging and spill folders are gone once the run is over; a WAL left behind would be private too.
    expect(readdirSync(join(data, 'tenant')).filter((f) => f !== 'mailsift.duckdb.wal')).toEqual(['mailsift.duckdb']);
    if (existsSync(`${storePath}.wal`)) expect(modeOf(`${storePath}.wal`)).toBe('600');
  });

  it('made readable to all by an older version are narrowed at the next start; a folder the user made is left as it is', async () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const storePath = join(folder, 'old.duckdb');
    const input = join(dir, 'page2.json');
    writeGraphPage(input, 10);
    expect((await runCli(['--store', `duckdb:${storePath}`, 'ingest', input])).code).toBe(0);
    chmodSync(storePath, 0o644);
    const r = await runCli(['--store', `duckdb:${storePath}`, 'stats', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(modeOf(storePath)).toBe('600');
    expect(modeOf(folder)).toBe('755');
  });
});
