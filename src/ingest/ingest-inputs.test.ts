/** Ingest of awkward inputs into a real DuckDB: folders mixing exports with junk, links, archives, odd ids, failing reject files. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnricher, type Enricher } from '../enrich/index.js';
import { openStore, runKql, type Store } from '../store/index.js';
import { reasonText } from '../formats/index.js';
import { ingestPaths, type IngestOptions, type IngestReport } from './ingest.js';
import { InputPathError, listInputFiles } from './walk.js';

const root = mkdtempSync(join(tmpdir(), 'mailsift-ingest-inputs-'));
const fixture = (p: string) => join(import.meta.dirname, '..', 'formats', p);
const testdata = (p: string) => join(import.meta.dirname, 'testdata', p);
let enricher: Enricher;
let n = 0;
beforeAll(async () => {
  enricher = await createEnricher({ organization: { acceptedDomains: ['contoso.com', 'contoso.co.jp'] } });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function ingest(
  paths: string[],
  over: Partial<IngestOptions> = {},
): Promise<{ report: IngestReport; rows: unknown[][]; rejects: Record<string, unknown>[] }> {
  const store: Store = await openStore(`duckdb:${join(root, `s${n}.duckdb`)}`);
  const rejectFile = join(root, `rejects-${n++}.ndjson`);
  try {
    const report = await ingestPaths(paths, { store, enrich: (r) => enricher.enrich(r), dimensions: enricher, rejectFile, ...over });
    const rows = (
      await runKql(
        store,
        'MessageTrace | project MessageTraceId, RecipientAddress, Status | sort by MessageTraceId asc, RecipientAddress asc',
      )
    ).rows;
    let rejects: Record<string, unknown>[] = [];
    try {
      // Only our own reject file is read back (a test may point it at /dev/full, which never ends).
      rejects = readFileSync(rejectFile, 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l)
        .map((l) => JSON.parse(l));
    } catch {
      rejects = [];
    }
    return { report, rows, rejects };
  } finally {
    await store.close();
  }
}

function folder(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('a folder mixing exports with an HTML page, an empty file and a binary file', () => {
  it('stores every good record and rejects each bad file with its reason', async () => {
    const d = folder('mixed');
    copyFileSync(fixture('graph/testdata/test-records-ndjson.json'), join(d, 'graph-records.json'));
    copyFileSync(fixture('eac/testdata/test-ja-utf16le-bom.csv'), join(d, 'eac.csv'));
    copyFileSync(fixture('tracking-log/testdata/test-exchange2019-mailbox.log'), join(d, 'MSGTRK2026031100-1.LOG'));
    writeFileSync(
      join(d, 'signin.json'),
      '<!DOCTYPE html>\n<html><head><title>Sign in to your account</title></head><body></body></html>\n',
    );
    writeFileSync(join(d, 'empty.csv'), '');
    writeFileSync(join(d, 'blob.dat'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x11, 0x00, 0x00, 0x7f, 0x03, 0x04, 0x05]));
    writeFileSync(join(d, 'package.json'), '{"name":"x","version":"1.0.0","dependencies":{}}');
    const { report, rows, rejects } = await ingest([d]);
    const byName = Object.fromEntries(report.files.map((f) => [f.path.slice(d.length + 1), f]));
    expect(byName['graph-records.json']).toMatchObject({ format: 'graph', read: 7, ingested: 5, rejected: 2 });
    expect(byName['eac.csv']).toMatchObject({ format: 'eac', read: 4, ingested: 3, rejected: 1 });
    expect(byName['MSGTRK2026031100-1.LOG']).toMatchObject({ format: 'tracking-log', read: 5, skipped: 3, ingested: 1, rejected: 0 });
    expect(byName['signin.json']!.error).toMatch(/^an HTML page, not an export \("Sign in to your account"\)/);
    expect(byName['empty.csv']!.error).toBe('empty file');
    expect(byName['blob.dat']!.error).toMatch(/^binary data/);
    expect(byName['package.json']!.error).toBe('JSON of an unknown shape: top-level keys name, version, dependencies');
    expect(rows).toHaveLength(5 + 3 + 1);
    const whole = rejects.filter((r) => r.line === 0).map((r) => String(r.file).slice(d.length + 1));
    expect(whole.sort()).toEqual(['blob.dat', 'empty.csv', 'package.json', 'signin.json']);
    expect(report.totals).toMatchObject({ skipped: 3, rejected: 2 + 1 + 4 });
  });

  it('never silently reads 0: a forced format that finds nothing rejects the file', async () => {
    const d = folder('forced');
    writeFileSync(join(d, 'report.json'), '{"value": {"rows": 3}}');
    const { report } = await ingest([d], { format: 'graph' });
    expect(report.files[0]).toMatchObject({ format: 'graph', read: 0, rejected: 1 });
    expect(report.files[0]!.error).toMatch(/^no records found/);
  });
});

describe('links, unreadable entries and the reject file', () => {
  it('follows symbolic links to files and folders, once, and rejects dangling ones and loops', async () => {
    const d = folder('links');
    const target = folder('link-target');
    copyFileSync(fixture('graph/testdata/test-single-record.json'), join(target, 'one.json'));
    symlinkSync(join(target, 'one.json'), join(d, 'linked-file.json'));
    symlinkSync(target, join(d, 'linked-folder'));
    symlinkSync(d, join(d, 'loop')); // a link back to the folder itself
    symlinkSync(join(root, 'nowhere.json'), join(d, 'dangling.json'));
    symlinkSync(join(d, 'self-a'), join(d, 'self-b'));
    symlinkSync(join(d, 'self-b'), join(d, 'self-a'));
    const { report, rows } = await ingest([d]);
    const names = report.files.map((f) => [f.path.slice(d.length + 1), f.error ?? f.format]);
    expect(names).toEqual([
      ['dangling.json', 'a symbolic link to nothing (its target is gone)'],
      ['linked-file.json', 'graph'],
      ['linked-folder/one.json', 'graph'],
      ['self-a', 'a loop of symbolic links'],
      ['self-b', 'a loop of symbolic links'],
    ]);
    expect(rows).toHaveLength(1);
  });

  it('keeps storing when the reject file cannot be written, and says why', async () => {
    const d = folder('reject-unwritable');
    copyFileSync(fixture('graph/testdata/test-records-ndjson.json'), join(d, 'records.json'));
    writeFileSync(join(d, 'empty.json'), '');
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    for (const rejectFile of [join(blocker, 'rejects.ndjson'), '/dev/full']) {
      const { report, rows } = await ingest([d], { rejectFile });
      expect(rows).toHaveLength(5);
      expect(report.totals.rejected).toBe(3);
      expect(report.rejectFile).toBeNull();
      expect(report.rejectFileError).toMatch(new RegExp(`^could not write the reject file ${rejectFile}: `));
      const why = report.rejectFileErrorReason!;
      expect(why).toMatchObject({ code: 'reject-file-not-written', params: { path: rejectFile } });
      expect(reasonText(why, 'en')).toBe(report.rejectFileError);
      expect(reasonText(why, 'ja')).toMatch(
        rejectFile === '/dev/full'
          ? /^除外ファイル \/dev\/full を書き込めませんでした: ディスクがいっぱいです$/
          : /^除外ファイル .* を書き込めませんでした: /,
      );
    }
  });
});

describe('listInputFiles', () => {
  it('names the first path that cannot be read, in English and by code', async () => {
    const missing = join(root, 'no-such-folder');
    const error = await listInputFiles([missing]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputPathError);
    const e = error as InputPathError;
    expect(e.message).toBe(`${missing}: no such file or folder`);
    expect(reasonText(e.reason, 'ja')).toBe(`${missing}: ファイルまたはフォルダーがありません`);
  });
});

describe('records the store cannot take and ids in several spellings', () => {
  it('rejects a record with a 33 MB subject and reads on, in this file and the next', async () => {
    const d = folder('huge');
    const line = (id: string, subject: string) =>
      JSON.stringify({
        MessageTraceId: id,
        RecipientAddress: 'bob@contoso.com',
        SenderAddress: 'a@fabrikam.com',
        Received: '2026-12-01T00:00:00Z',
        Status: 'Delivered',
        Subject: subject,
        Size: 1,
      });
    writeFileSync(
      join(d, 'a.ndjson'),
      [
        line('e0000000-0000-4000-8000-000000000001', 'ok'),
        line('e0000000-0000-4000-8000-000000000002', 'x'.repeat(33 * 1024 * 1024)),
        line('e0000000-0000-4000-8000-000000000003', 'ok'),
      ].join('\n'),
    );
    writeFileSync(join(d, 'b.ndjson'), line('e0000000-0000-4000-8000-000000000004', 'after'));
    const { report, rows, rejects } = await ingest([d]);
    expect(report.files.map((f) => [f.read, f.ingested, f.rejected])).toEqual([
      [3, 2, 1],
      [1, 1, 0],
    ]);
    expect(rows).toHaveLength(3);
    expect(rejects[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/^record too large: Subject has 34603008 characters/) });
  });

  it('stores one row per message x recipient whatever the case and spacing of its MessageTraceId', async () => {
    const d = folder('ids');
    const id = 'f00df00d-0000-4000-8000-00000000abcd';
    const rec = (traceId: string, status: string) =>
      JSON.stringify({ MessageTraceId: traceId, RecipientAddress: 'bob@contoso.com', Received: '2026-12-01T00:00:00Z', Status: status });
    writeFileSync(join(d, '1.json'), rec(id, 'Pending'));
    writeFileSync(join(d, '2.json'), rec(` ${id.toUpperCase()} `, 'Delivered'));
    writeFileSync(join(d, '3.json'), rec(`{${id.toUpperCase()}}`, 'Delivered'));
    const { report, rows } = await ingest([d]);
    expect(rows).toEqual([[id, 'bob@contoso.com', 'Delivered']]);
    expect(report.files.map((f) => [f.ingested, f.updated, f.duplicates])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});

describe('many small files', () => {
  it('shares transactions across files and still counts each file exactly', async () => {
    const d = folder('small');
    for (let i = 0; i < 60; i++) {
      const lines = [0, 1, 2].map((j) =>
        JSON.stringify({
          MessageTraceId: `a0000000-0000-4000-8000-${String(i % 40).padStart(12, '0')}`,
          RecipientAddress: `r${j}@contoso.com`,
          Received: '2026-12-01T00:00:00Z',
          // Files 40-59 repeat the messages of files 0-19: as Delivered (updates) or as Pending (duplicates).
          Status: i < 40 ? 'Pending' : i < 50 ? 'Delivered' : 'Pending',
        }),
      );
      writeFileSync(join(d, `f${String(i).padStart(3, '0')}.json`), lines.join('\n'));
    }
    const { report, rows } = await ingest([d], { batchSize: 25 });
    expect(rows).toHaveLength(120);
    const counts = report.files.map((f) => [f.ingested, f.updated, f.duplicates]);
    expect(counts.slice(0, 40).every((c) => c.join() === '3,0,0')).toBe(true);
    expect(counts.slice(40, 50).every((c) => c.join() === '0,3,0')).toBe(true);
    expect(counts.slice(50).every((c) => c.join() === '0,0,3')).toBe(true);
    expect(report.totals).toMatchObject({ read: 180, ingested: 120, updated: 30, duplicates: 30 });
  });
});

describe('compressed exports', () => {
  it('reads .gz files and every member of a .zip, refusing unsafe paths, nested archives and bombs', async () => {
    const d = folder('archives');
    copyFileSync(testdata('exports.zip'), join(d, 'exports.zip'));
    copyFileSync(testdata('trace.ndjson.gz'), join(d, 'trace.ndjson.gz'));
    copyFileSync(testdata('bomb.json.gz'), join(d, 'bomb.json.gz'));
    const { report, rejects } = await ingest([d]);
    const byName = Object.fromEntries(report.files.map((f) => [f.path.slice(d.length + 1), f]));
    expect(Object.keys(byName).sort()).toEqual([
      'bomb.json.gz',
      'exports.zip!../escape.json',
      'exports.zip!bomb.json',
      'exports.zip!graph/page-1.json',
      'exports.zip!nested/inner.zip',
      'exports.zip!notes.txt',
      'exports.zip!report-sjis.csv',
      'exports.zip!trace.ndjson',
      'trace.ndjson.gz',
    ]);
    expect(byName['exports.zip!graph/page-1.json']).toMatchObject({ format: 'graph', read: 8 });
    expect(byName['exports.zip!report-sjis.csv']).toMatchObject({ format: 'eac', read: 2, ingested: 2 });
    expect(byName['exports.zip!trace.ndjson']!.format).toBe('powershell');
    expect(byName['trace.ndjson.gz']).toMatchObject({ format: 'powershell', duplicates: byName['exports.zip!trace.ndjson']!.ingested });
    expect(byName['exports.zip!../escape.json']!.error).toMatch(/^refused: an unsafe path inside the archive/);
    expect(byName['exports.zip!bomb.json']!.error).toMatch(/^refused: it would grow \d+ times when decompressed/);
    expect(byName['exports.zip!nested/inner.zip']!.error).toBe('refused: a ZIP inside a ZIP is not read (extract it first)');
    expect(byName['exports.zip!notes.txt']!.error).toBe('empty file');
    expect(byName['bomb.json.gz']!.error).toMatch(/refused: it would grow \d+ times when decompressed/);
    expect(rejects.filter((r) => r.line === 0).map((r) => String(r.file).slice(d.length + 1))).toContain('exports.zip!../escape.json');
  });
});
