// CSV formula injection: hostile subjects go into the store, come out of every CSV export (the Explorer's export,
// a dashboard panel's export, `mailsift query --format csv`), and are read back the way spreadsheets split lines
// (comma, semicolon or tab; quotes honoured only at the start of a field, or not at all). No cell may start a formula.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { PASSWORDS, startLiveServer, traceRow, type LiveServer } from './live-server.js';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  'hi;=1+1',
  'hi; =1+1;x',
  "   =cmd|' /C calc'!A0",
  'Invoice\n=1+1',
  'Invoice\r\n  @SUM(A1)',
  'tab\t-2+3',
  '\t=1',
  '"=1+1"',
  'a,+1',
  '請求書；＝1+1',
  'q"uote;=2',
];

/** Cells as a spreadsheet splitting on `delimiter` reads them; `quotes`: whether a field starting with `"` is read as quoted. */
function spreadsheetCells(csv: string, delimiter: string, quotes: boolean): string[] {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let atStart = true;
  while (i < csv.length) {
    const c = csv[i]!;
    if (atStart && quotes && c === '"') {
      i++;
      while (i < csv.length) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else cell += csv[i++];
      }
      atStart = false;
      continue;
    }
    if (c === delimiter || c === '\n' || c === '\r') {
      cells.push(cell);
      cell = '';
      atStart = true;
      i++;
      continue;
    }
    cell += c;
    atStart = false;
    i++;
  }
  cells.push(cell);
  return cells;
}

/** Cells a spreadsheet would evaluate: a formula sign after blanks (and, for naive readers, a stray quote). */
function formulaCells(csv: string): string[] {
  const out: string[] = [];
  for (const delimiter of [',', ';', '\t'])
    for (const quotes of [true, false])
      for (const cell of spreadsheetCells(csv.replace(/^\ufeff/, ''), delimiter, quotes)) {
        const start = cell.replace(/^[\s\u3000"]+/, '');
        if (/^[=+\-@＝＋－＠]/.test(start) && !/^-?\d+(\.\d+)?$/.test(start)) out.push(`${JSON.stringify(delimiter)} ${quotes}: ${cell}`);
      }
  return out;
}

const rows = HOSTILE.map((Subject, i) => traceRow(i, { Subject, Status: 'Quarantined', SenderAddress: `x${i};=1@contoso.com` }));

describe('CSV exports under formula injection', () => {
  let s: LiveServer;
  beforeAll(async () => {
    s = await startLiveServer({ rows });
  });
  afterAll(() => s.close());

  it('the emulated spreadsheet does find the formulas of a naive writer', () => {
    const naive = HOSTILE.map((h) => `x,${h}`).join('\r\n');
    expect(formulaCells(naive).length).toBeGreaterThan(HOSTILE.length);
  });

  it('the Explorer export gives no cell a spreadsheet would run, and keeps every subject', async () => {
    const analyst = await s.session('analyst', PASSWORDS.analyst);
    const query = encodeURIComponent('MessageTrace | project Subject, SenderAddress, Size');
    const res = await s.send('GET', `/api/export?query=${query}&format=csv&from=2026-01-01T00:00:00Z`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(formulaCells(res.body)).toEqual([]);
    // The text is all there: only apostrophes were added.
    const read = spreadsheetCells(res.body.replace(/^\ufeff/, ''), ',', true).map((c) => c.replace(/'/g, ''));
    for (const subject of HOSTILE) expect(read, subject).toContain(subject.replace(/'/g, ''));
  });

  it("a dashboard panel's CSV export is guarded the same way", async () => {
    const viewer = await s.session('viewer', PASSWORDS.viewer);
    const res = await s.send('GET', '/api/dashboards/security/panels/bad-subjects/export?from=2026-01-01T00:00:00Z', viewer);
    expect(res.status, res.body).toBe(200);
    expect(res.body).toContain('Invoice');
    expect(formulaCells(res.body)).toEqual([]);
  });
});

describe('`mailsift query --format csv` under formula injection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailsift-sec-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes no cell a spreadsheet would run', async () => {
    const url = `duckdb:${join(dir, 'store.duckdb')}`;
    const store = await openStore(url);
    await store.upsertTraces(rows);
    await store.close();
    const out = await runCli(['query', 'MessageTrace | project Subject, SenderAddress', '--format', 'csv', '--store', url]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('Invoice');
    expect(formulaCells(out.stdout)).toEqual([]);
  });
});
