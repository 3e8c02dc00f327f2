/** End to end: the `mailsift ingest` and `stats` commands on real files into a real DuckDB file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePowerShellNdjson } from '../../src/demo/index.js';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newStore = () => `duckdb:${join(dir, `store-${n++}.duckdb`)}`;

const T1 = 'a1b2c3d4-0000-4000-8000-000000000001';
const T2 = 'a1b2c3d4-0000-4000-8000-000000000002';

/** The same two messages (three recipient rows) as each format writes them, with statuses still settling in the first. */
function graphPage(status: string): string {
  return JSON.stringify({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#admin/exchange/tracing/messageTraces',
    value: [
      {
        id: T1,
        messageId: '<m1@fabrikam.com>',
        senderAddress: 'Alice@Fabrikam.com',
        recipientAddress: 'bob@contoso.com',
        receivedDateTime: '2026-11-02T09:30:00Z',
        subject: '見積書送付の件',
        size: 20480,
        fromIP: '203.0.113.10',
        toIP: '',
        status,
      },
      {
        id: T1,
        messageId: '<m1@fabrikam.com>',
        senderAddress: 'Alice@Fabrikam.com',
        recipientAddress: 'carol@contoso.com',
        receivedDateTime: '2026-11-02T09:30:00Z',
        subject: '見積書送付の件',
        size: 20480,
        fromIP: '203.0.113.10',
        toIP: '',
        status: 'delivered',
      },
      {
        id: T2,
        messageId: '<m2@contoso.com>',
        senderAddress: 'bob@contoso.com',
        recipientAddress: 'dave@tailspintoys.com',
        receivedDateTime: '2026-11-02T10:00:00Z',
        subject: 'Re: invoice',
        size: 4096,
        fromIP: '198.51.100.20',
        toIP: '198.51.100.99',
        status: 'failed',
      },
    ],
  });
}

function powershellLines(status: string): string {
  const row = (traceId: string, mid: string, sender: string, rcpt: string, received: string, subject: string, st: string, size: number) =>
    JSON.stringify({
      Organization: 'contoso.onmicrosoft.com',
      MessageId: mid,
      Received: received,
      SenderAddress: sender,
      RecipientAddress: rcpt,
      Subject: subject,
      Status: st,
      ToIP: null,
      FromIP: '203.0.113.10',
      Size: size,
      MessageTraceId: traceId,
      StartDate: '2026-11-01T00:00:00Z',
      EndDate: '2026-11-03T00:00:00Z',
      Index: 0,
    });
  return [
    row(T1, '<m1@fabrikam.com>', 'alice@fabrikam.com', 'bob@contoso.com', '2026-11-02T09:30:00.0000000Z', '見積書送付の件', status, 20480),
    row(
      T1,
      '<m1@fabrikam.com>',
      'alice@fabrikam.com',
      'carol@contoso.com',
      '2026-11-02T09:30:00.0000000Z',
      '見積書送付の件',
      'Delivered',
      20480,
    ),
  ].join('\n');
}

describe('mailsift ingest', () => {
  it('stores one row per message x recipient across formats and runs, with the latest status', async () => {
    const store = newStore();
    const a = join(dir, 'page-1.json');
    const b = join(dir, 'trace.ndjson');
    writeFileSync(a, graphPage('pending'));
    writeFileSync(b, powershellLines('Delivered'));
    const first = await runCli(['--store', store, 'ingest', a, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).totals).toMatchObject({ read: 3, ingested: 3, updated: 0, duplicates: 0, rejected: 0 });
    const second = await runCli(['--store', store, 'ingest', b, a, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.files.map((f: { format: string }) => f.format)).toEqual(['powershell', 'graph']);
    // PowerShell: bob's row moves Pending -> Delivered and both rows gain the Organization the Graph page lacked;
    // then the Graph page again changes nothing: bob's transient status no longer replaces the final one.
    expect(report.totals).toMatchObject({ read: 5, ingested: 0, updated: 2, duplicates: 3, rejected: 0 });
    const s = await openStore(store);
    const rows = await s.query(
      'SELECT "MessageTraceId", "RecipientAddress", "Status", "SenderAddress", "Direction" FROM "MessageTrace" ORDER BY 1, 2',
    );
    await s.close();
    expect(rows.rows).toEqual([
      [T1, 'bob@contoso.com', 'Delivered', 'alice@fabrikam.com', ''],
      [T1, 'carol@contoso.com', 'Delivered', 'alice@fabrikam.com', ''],
      [T2, 'dave@tailspintoys.com', 'Failed', 'bob@contoso.com', ''],
    ]);
  });

  it('takes accepted domains from the configuration for Direction', async () => {
    const store = newStore();
    const config = join(dir, 'mailsift.yaml');
    writeFileSync(config, `store: ${store}\norganization: { name: Contoso, acceptedDomains: [contoso.com] }\n`);
    const page = join(dir, 'page-dir.json');
    writeFileSync(page, graphPage('delivered'));
    const r = await runCli(['--config', config, 'ingest', page]);
    expect(r.code, r.stderr).toBe(0);
    const stats = await runCli(['--config', config, 'stats', '--json']);
    const parsed = JSON.parse(stats.stdout);
    expect(parsed).toMatchObject({
      rows: 3,
      messages: 2,
      byDirection: { Inbound: 2, Outbound: 1 },
      bySource: { graph: 3 },
      collectors: [],
    });
    expect(parsed.from).toBe('2026-11-02T09:30:00.000Z');
  });

  it('rejects malformed records with file, line and reason, stores the rest and exits 3', async () => {
    const store = newStore();
    const file = join(dir, 'mixed.ndjson');
    const lines = powershellLines('Delivered').split('\n');
    writeFileSync(
      file,
      [
        lines[0],
        '{"Organization": "contoso", "MessageId": "<x>", ',
        lines[1],
        '{"Received":"not a date","SenderAddress":"a@b.c","RecipientAddress":"d@e.f","MessageTraceId":"x","Status":"Delivered"}',
      ].join('\n'),
    );
    const rejects = join(dir, 'rejects.ndjson');
    const r = await runCli(['--store', store, 'ingest', file, '--json', '--rejects', rejects]);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toMatchObject({ read: 4, ingested: 2, rejected: 2 });
    expect(report.rejectFile).toBe(rejects);
    const rejected = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejected.map((x: { file: string; line: number }) => [x.file, x.line])).toEqual([
      [file, 2],
      [file, 4],
    ]);
    for (const x of rejected) expect(x.reason).toMatch(/\w/);
  });

  it('names the file and the formats tried when it does not know a file', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'hello, this is not message trace\n');
    const r = await runCli(['--store', newStore(), 'ingest', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/graph.*rws.*powershell.*eac.*tracking-log/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives usage errors exit code 2 and missing paths a clear message', async () => {
    expect((await runCli(['ingest'])).code).toBe(2);
    expect((await runCli(['ingest', 'x', '--format', 'nope'])).code).toBe(2);
    const missing = await runCli(['--store', newStore(), 'ingest', join(dir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });

  /**
   * Start an ingest, kill -9 it once it has written part of the store, and return whether it was killed in time.
   * `after: 'commit'` kills when it reports its first committed batch (`--progress lines`); `'bytes'` when the
   * store's files have grown, for a run that commits once.
   */
  async function killMidway(store: string, file: string, extra: string[], after: 'commit' | 'bytes'): Promise<boolean> {
    const args = [CLI, '--store', store, 'ingest', file, ...extra, ...(after === 'commit' ? ['--progress', 'lines'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stored = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      if (/records stored/.test(chunk.toString())) stored = true;
    });
    const storePath = store.slice('duckdb:'.length);
    // DuckDB writes the WAL at commit and large appends straight into the file: once the two hold more than a
    // fresh store, the run is well under way.
    const sizeOf = (p: string) => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    let killed = false;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (after === 'commit' ? stored : sizeOf(storePath) + sizeOf(storePath + '.wal') > 3_000_000) {
          clearInterval(timer);
          killed = child.kill('SIGKILL');
          resolve();
        }
      }, 10);
      void exited.then(() => {
        clearInterval(timer);
        resolve();
      });
    });
    await exited;
    return killed;
  }

  async function countRows(store: string): Promise<[number, number]> {
    const s = await openStore(store);
    const r = await s.query('SELECT count(*), count(DISTINCT ("MessageTraceId", "RecipientAddress")) FROM "MessageTrace"');
    await s.close();
    return r.rows[0] as [number, number];
  }

  const ROWS = 300_000;
  const linesFile = join(dir, 'large-lines.ndjson');
  let written: Promise<unknown> | undefined;
  const largeLines = async () => {
    written ??= writePowerShellNdjson(linesFile, { rows: ROWS, seed: 3 });
    await written;
    return linesFile;
  };

  it('after a kill -9 in the middle of a parsed ingest, the committed batches stay and the same ingest completes it', async () => {
    // A pretty-printed array (as ConvertTo-Json writes it) goes through the parser in batches of --batch-size.
    const lines = await largeLines();
    const file = join(dir, 'large-array.json');
    writeFileSync(file, '[\n' + readFileSync(lines, 'utf8').trimEnd().split('\n').join(',\n') + '\n]\n');
    const store = newStore();
    expect(await killMidway(store, file, ['--batch-size', '10000'], 'commit'), 'the ingest finished before it could be killed').toBe(true);
    const [partial] = await countRows(store);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    expect(partial % 10_000).toBe(0);
    const again = await runCli(['--store', store, 'ingest', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const totals = JSON.parse(again.stdout).totals;
    expect(totals).toMatchObject({ read: ROWS, duplicates: partial, ingested: ROWS - partial });
    expect(await countRows(store)).toEqual([ROWS, ROWS]);
  });

  it('after a kill -9 in the middle of an engine-read ingest, nothing of the file is half there and the same ingest completes it', async () => {
    const file = await largeLines();
    const store = newStore();
    expect(await killMidway(store, file, [], 'bytes'), 'the ingest finished before it could be killed').toBe(true);
    const [partial] = await countRows(store);
    expect([0, ROWS]).toContain(partial);
    const again = await runCli(['--store', store, 'ingest', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).totals).toMatchObject({ read: ROWS, duplicates: partial, ingested: ROWS - partial });
    expect(await countRows(store)).toEqual([ROWS, ROWS]);
  });
});
