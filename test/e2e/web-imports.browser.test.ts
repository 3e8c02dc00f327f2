// Upload of an export file in chromium: progress, the per-file report, the recent imports; the DB-IP attribution link.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFixture, HAS_CHROMIUM, reportSkip, type BrowserFixture } from './browser-fixture.js';
import { writeTraceLines } from '../support/trace-lines.js';

reportSkip('web-imports.browser.test.ts');

describe.skipIf(!HAS_CHROMIUM)('imports in chromium', () => {
  let f: BrowserFixture;
  const dir = mkdtempSync(join(tmpdir(), 'mailsift-web-upload-'));
  beforeAll(async () => {
    f = await browserFixture({ days: 2, perDay: 40 });
  }, 180_000);
  afterAll(async () => {
    await f?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an analyst uploads a file and sees its report and its line in the recent imports', async () => {
    const name = '<img src=x onerror=alert(1)>.ndjson';
    const file = writeTraceLines(join(dir, 'upload.ndjson'), 900_000, 25, { bad: 1 });
    const before = (await f.store.stats()).rows;
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/imports`);
    await f.page.waitForSelector('[data-testid=upload-input]');
    await f.page.setInputFiles('[data-testid=upload-input]', {
      name,
      mimeType: 'application/x-ndjson',
      buffer: readFileSync(file),
    });
    await f.page.click('form button[type=submit]');
    await f.page.waitForSelector('[data-testid=upload-report] tbody tr');
    const cells = await f.page.$$eval('[data-testid=upload-report] tbody tr td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(1)).toEqual(['powershell', '26', '25', '0', '0', '1']);
    expect(await f.page.textContent('[data-testid=upload-report] tbody tr td:first-child span')).toBe(name);
    expect(await f.page.textContent('[data-testid=reject-reasons]')).toBe('1 × missing RecipientAddress');
    expect(await f.page.textContent('section.panel')).toMatch(/Rejected records are in .*\.rejects\.ndjson on the server/);
    expect((await f.store.stats()).rows).toBe(before + 25);
    await f.page.waitForSelector('[data-testid=recent-imports] tbody tr');
    const recent = await f.page.$$eval('[data-testid=recent-imports] tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    expect(recent.slice(1)).toEqual([name, 'upload', 'analyst', 'powershell', '26', '25', '1', '']);
    expect(f.dialogs).toEqual([]);
    expect(await f.page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  });

  it('shows the DB-IP attribution as a link in the footer', async () => {
    await f.page.waitForSelector('footer a[href="https://db-ip.com"]');
    expect(await f.page.textContent('footer a[href="https://db-ip.com"]')).toBe('IP Geolocation by DB-IP');
  });

  it('offers no Imports to a viewer', async () => {
    await f.signIn('viewer');
    await f.page.goto(`${f.url}/overview`);
    await f.page.waitForSelector('.app-header');
    expect(await f.page.$$eval('.app-header a', (as) => as.map((a) => a.textContent))).not.toContain('Imports');
  });
});

describe.skipIf(!HAS_CHROMIUM)('imports in chromium, in Japanese', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await browserFixture({ days: 1, perDay: 20, locale: 'ja-JP' });
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  it('writes why a file or a record was rejected in Japanese, in the report and the recent imports', async () => {
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/imports`);
    await f.page.waitForSelector('[data-testid=upload-input]');
    const good = { MessageTraceId: 'c1d2e3f4-a5b6-4c7d-8e9f-000000000001', Received: '2026-11-26T00:00:00Z', Status: 'Delivered' };
    await f.page.setInputFiles('[data-testid=upload-input]', [
      { name: 'signin.json', mimeType: 'application/json', buffer: Buffer.from('<!DOCTYPE html><html><head><title>Sign in</title>') },
      {
        name: 'records.ndjson',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from([{ ...good, RecipientAddress: 'a@contoso.com' }, good].map((o) => JSON.stringify(o)).join('\n')),
      },
    ]);
    await f.page.click('form button[type=submit]');
    await f.page.waitForFunction(() => document.querySelectorAll('[data-testid=upload-report] tbody tr').length === 2);
    const report = await f.page.textContent('[data-testid=upload-report]');
    expect(report).toContain('エクスポートではなく HTML ページです（"Sign in"）');
    expect(await f.page.textContent('[data-testid=reject-reasons]')).toBe('1 件: RecipientAddress がありません');
    await f.page.waitForFunction(() => /HTML ページ/.test(document.querySelector('[data-testid=recent-imports]')?.textContent ?? ''));
    expect(report).not.toMatch(/an HTML page|missing RecipientAddress/);
  });
});
