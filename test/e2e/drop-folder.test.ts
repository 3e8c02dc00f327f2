/** End to end: `serve` with a drop folder ingests files once they are completely written, then files them away. */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { startServe, type ServeProcess } from '../support/serve-cli.js';
import { writeTraceLines } from '../support/trace-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-drop-'));
const inbox = join(dir, 'inbox');
const config = join(dir, 'mailsift.yaml');
writeFileSync(config, `store: duckdb:${join(dir, 'data', 'mailsift.duckdb')}\ningest: { watch: ${inbox}, settle: 1s }\n`);
let serve: ServeProcess;
let token: string;
const cli = (...args: string[]) => runCli(['--config', config, ...args], { cwd: dir });

beforeAll(async () => {
  mkdirSync(inbox);
  serve = await startServe(['--config', config], { cwd: dir });
  token = (await cli('tokens', 'create', 'drops', '--role', 'viewer')).stdout.trim();
});
afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async () => JSON.parse((await cli('stats', '--json')).stdout).rows as number;

describe('drop folder', () => {
  it('waits until a file is completely written, ingests it once and moves it to processed/', async () => {
    const whole = readFileSync(writeTraceLines(join(dir, 'whole.ndjson'), 0, 40), 'utf8');
    const lines = whole.split('\n');
    const path = join(inbox, 'monday.ndjson');
    // Written in three parts over two seconds, as a slow copy would: nothing is read before the last part.
    writeFileSync(path, lines.slice(0, 10).join('\n') + '\n');
    await new Promise((r) => setTimeout(r, 700));
    appendFileSync(path, lines.slice(10, 25).join('\n') + '\n');
    await new Promise((r) => setTimeout(r, 700));
    appendFileSync(path, lines.slice(25).join('\n'));
    await expect.poll(() => existsSync(join(inbox, 'processed', 'monday.ndjson')), { timeout: 20_000, interval: 250 }).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(await rows()).toBe(40);
  });

  it('moves a file with rejected records to rejected/ beside its own .rejects.ndjson; an unreadable one too', async () => {
    writeTraceLines(join(inbox, 'tuesday.ndjson'), 100, 5, { bad: 2 });
    writeFileSync(join(inbox, 'notes.txt'), 'not a message trace export\n');
    await expect
      .poll(() => readdirSync(join(inbox, 'rejected')).sort(), { timeout: 20_000, interval: 250 })
      .toEqual(['notes.txt', 'notes.txt.rejects.ndjson', 'tuesday.ndjson', 'tuesday.ndjson.rejects.ndjson']);
    expect(
      readFileSync(join(inbox, 'rejected', 'tuesday.ndjson.rejects.ndjson'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    expect(await rows()).toBe(45);
  });

  it('lists the recent drops in the API', async () => {
    const res = await fetch(`${serve.url}/api/imports`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { watch: string; imports: Record<string, unknown>[] };
    expect(body.watch).toBe(inbox);
    const byName = Object.fromEntries(body.imports.map((i) => [i.name, i]));
    expect(byName['monday.ndjson']).toMatchObject({
      via: 'drop-folder',
      format: 'powershell',
      read: 40,
      ingested: 40,
      rejected: 0,
      movedTo: 'processed/monday.ndjson',
    });
    expect(byName['tuesday.ndjson']).toMatchObject({
      read: 7,
      ingested: 5,
      rejected: 2,
      movedTo: 'rejected/tuesday.ndjson',
      rejectFile: 'rejected/tuesday.ndjson.rejects.ndjson',
    });
    expect(byName['notes.txt']).toMatchObject({
      format: null,
      movedTo: 'rejected/notes.txt',
      error: expect.stringMatching(/^not a known export/),
    });
    expect((await fetch(`${serve.url}/api/imports`)).status).toBe(401);
  });
});
