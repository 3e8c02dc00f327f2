/** Upload of export files: analysts and admins, the per-file report, the recent-imports list. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, type ServerFixture } from './server-fixture.js';
import { reasonText } from '../../src/formats/index.js';
import { writeTraceLines } from '../support/trace-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-upload-'));
let f: ServerFixture;
beforeAll(async () => {
  f = await serverFixture();
});
afterAll(async () => {
  await f.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = async (user: 'admin' | 'analyst' | 'viewer', name: string, body: Buffer | string, on: ServerFixture = f) => {
  const b = await on.login(user);
  return on.app.inject({
    method: 'POST',
    url: '/api/imports/upload',
    headers: {
      cookie: b.cookie,
      'x-csrf-token': b.csrf,
      origin: 'http://localhost',
      host: 'localhost:80',
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: body,
  });
};

describe('POST /api/imports/upload', () => {
  it("ingests an analyst's file and answers the same per-file report as mailsift ingest --json", async () => {
    const file = readFileSync(writeTraceLines(join(dir, 'a.ndjson'), 0, 12, { bad: 1 }));
    const res = await upload('analyst', 'トレース 11月.ndjson', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.files).toEqual([
      {
        path: 'トレース 11月.ndjson',
        format: 'powershell',
        read: 13,
        ingested: 12,
        updated: 0,
        duplicates: 0,
        rejected: 1,
        // Each reason's stable code and parameters come beside its English text (the web app writes it in the viewer's language).
        reasons: [{ reason: 'missing RecipientAddress', count: 1, code: 'missing-field', params: { field: 'RecipientAddress' } }],
      },
    ]);
    expect(report.totals).toMatchObject({ read: 13, ingested: 12, rejected: 1 });
    expect((await f.store.stats()).rows).toBe(12);
    const again = await upload('admin', 'a.ndjson', file);
    expect(again.json().totals).toMatchObject({ ingested: 0, duplicates: 12, rejected: 1 });
  });

  it('lists uploads among the recent imports, newest first, with who sent them', async () => {
    const res = await f.as(await f.login('viewer'), 'GET', '/api/imports');
    expect(res.statusCode).toBe(200);
    expect(res.json().imports.map((i: { name: string; user: string; via: string }) => [i.name, i.user, i.via])).toEqual([
      ['a.ndjson', 'admin', 'upload'],
      ['トレース 11月.ndjson', 'analyst', 'upload'],
    ]);
  });

  it('refuses viewers, a missing file name and path tricks', async () => {
    expect((await upload('viewer', 'a.ndjson', 'x')).statusCode).toBe(403);
    expect((await upload('admin', '', 'x')).statusCode).toBe(400);
    const tricky = await upload('admin', '../../etc/passwd.json', '{}');
    expect(tricky.statusCode).toBe(200);
    expect(tricky.json().files[0]).toMatchObject({
      path: 'passwd.json',
      format: null,
      error: 'JSON of an unknown shape: top-level keys (none)',
    });
    expect(JSON.stringify(tricky.json())).not.toMatch(/\/etc\/|\.\.\//);
  });
});

describe('an upload whose rejected records cannot be kept', () => {
  it('answers why beside the counts, as code and parameters, and lists it among the recent imports', async () => {
    // Rejects go to rejects/ beside a file store; a plain file of that name keeps them from being written.
    const storeDir = join(dir, 'store');
    mkdirSync(storeDir);
    writeFileSync(join(storeDir, 'rejects'), 'in the way');
    const g = await serverFixture({ config: { store: `duckdb:${join(storeDir, 'mailsift.duckdb')}` } });
    try {
      const file = readFileSync(writeTraceLines(join(dir, 'b.ndjson'), 0, 3, { bad: 1 }));
      const res = await upload('analyst', 'b.ndjson', file, g);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report.totals).toMatchObject({ ingested: 3, rejected: 1 });
      expect(report.rejectFile).toBeNull();
      expect(report.rejectFileError).toMatch(/^could not write the reject file .*b\.ndjson\.rejects\.ndjson: /);
      expect(report.rejectFileErrorReason).toMatchObject({
        code: 'reject-file-not-written',
        params: { cause: { code: expect.any(String) } },
      });
      expect(reasonText(report.rejectFileErrorReason, 'en')).toBe(report.rejectFileError);
      expect(reasonText(report.rejectFileErrorReason, 'ja')).toMatch(
        /^除外ファイル .*b\.ndjson\.rejects\.ndjson を書き込めませんでした: そのフォルダーを作成できません$/,
      );
      const [entry] = (await g.as(await g.login('viewer'), 'GET', '/api/imports')).json().imports;
      expect(entry).toMatchObject({
        name: 'b.ndjson',
        rejectFileError: report.rejectFileError,
        rejectFileErrorReason: report.rejectFileErrorReason,
      });
    } finally {
      await g.close();
    }
  });
});
