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
    expect(cells).toEqual([name, 'powershell', '26', '25', '0', '0', '1']);
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
