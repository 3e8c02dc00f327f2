/**
 * Staging files hold message data: they are written to a private folder, and what a killed run leaves there
 * is removed at the next start (the real `mailsift ingest`, killed with SIGKILL mid-run).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli.js';
import { modeOf, writeGraphPage } from './files-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-staging-'));
// The CLI's system temp folder: a folder of this test's own, so that sweeping it touches nothing else.
const temp = join(dir, 'tmp');
mkdirSync(temp);
const env = { TMPDIR: temp };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files in a folder, or none when it is not there. */
const filesIn = (path: string) => (existsSync(path) ? readdirSync(path) : []);

describe('staging files', () => {
  it('are private while a run uses them, and what a killed run left is removed at the next start', async () => {
    const input = join(dir, 'page.json');
    writeGraphPage(input, 120_000);
    const storePath = join(dir, 'data', 'store.duckdb');
    const stage = `${storePath}.stage`;
    const child = spawn(process.execPath, [CLI, '--store', `duckdb:${storePath}`, 'ingest', input], {
      stdio: 'ignore',
      env: { ...process.env, ...env },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill the run while a batch is staged.
    let modes: { folder: string; files: string[]; wal?: string } | undefined;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const files = filesIn(stage);
        if (files.length === 0) return;
        try {
          modes = { folder: modeOf(stage), files: files.map((f) => modeOf(join(stage, f))) };
          if (existsSync(`${storePath}.wal`)) modes.wal = modeOf(`${storePath}.wal`);
        } catch {
          return; // the file went away between listing and looking: try again
        }
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }, 2);
      void exited.then(() => {
        clearInterval(timer);
        resolve();
      });
    });
    await exited;
    expect(modes, 'the run ended before a batch was staged').toBeDefined();
    expect(modes!.folder).toBe('700');
    expect(new Set(modes!.files)).toEqual(new Set(['600']));
    if (modes!.wal) expect(modes!.wal).toBe('600');
    expect(filesIn(stage).length).toBeGreaterThan(0);
    // Nothing was committed from the killed batch, and the next start clears what it left.
    const stats = await runCli(['--store', `duckdb:${storePath}`, 'stats', '--json'], { env });
    expect(stats.code, stats.stderr).toBe(0);
    expect(existsSync(stage)).toBe(false);
    expect(modeOf(storePath)).toBe('600');
  });

  it('of a killed run in the system temp folder are removed too, and those of a live run are left alone', async () => {
    // A process that has exited: its id names no running process.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    const dead = join(temp, `mailsift-stage-${gone.pid}-a1b2c3`);
    const live = join(temp, `mailsift-stage-${process.pid}-d4e5f6`);
    for (const d of [dead, live]) {
      mkdirSync(d);
      writeFileSync(join(d, 'batch.json'), '[{"Subject":"Confidential payroll"}]');
    }
    const r = await runCli(['--store', 'duckdb::memory:', 'stats', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
