// The Explorer's editor completes from the server (GET /api/kql/complete) in chromium: the query's table's
// columns first, the known values of Status after `==`, operators after `|`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFixture, HAS_CHROMIUM, reportSkip, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-kql-completion.browser.test.ts');

describe.skipIf(!HAS_CHROMIUM)('KQL completion in the Explorer', () => {
  let f: BrowserFixture;
  const asked: string[] = [];
  beforeAll(async () => {
    f = await browserFixture({ days: 2, perDay: 50 });
    f.page.on('request', (r) => {
      if (r.url().includes('/api/kql/complete?')) asked.push(new URL(r.url()).searchParams.get('text') ?? '');
    });
    await f.signIn('analyst');
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  /** The labels of the open completion list, in order. */
  async function shown(): Promise<string[]> {
    await f.page.waitForSelector('.cm-tooltip-autocomplete li');
    return f.page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (els) => els.map((e) => e.textContent ?? ''));
  }

  async function typeFresh(text: string): Promise<void> {
    await f.page.goto(`${f.url}/explorer?range=24h`);
    await f.page.waitForSelector('.cm-content');
    await f.page.click('.cm-content');
    await f.page.keyboard.type(text);
  }

  it("offers the query's table's columns first after `where Sta`", async () => {
    await typeFresh('MessageTrace | where Sta');
    const labels = await shown();
    expect(labels[0]).toBe('Status');
    // MessageTrace has no column starting with "Sta" but Status; functions follow the columns.
    expect(labels.indexOf('Status')).toBeLessThan(labels.findIndex((l) => l.startsWith('start')));
    expect(asked.at(-1)).toBe('MessageTrace | where Sta');
  });

  it('offers the known values of Status after `Status == ` and inserts the chosen one quoted', async () => {
    await typeFresh('MessageTrace | where Status == ');
    const labels = await shown();
    expect(labels).toContain('"Quarantined"');
    expect(labels).toContain('"FilteredAsSpam"');
    await f.page.keyboard.type('"Qu');
    await f.page.waitForFunction(() =>
      [...document.querySelectorAll('.cm-tooltip-autocomplete li .cm-completionLabel')].some((e) => e.textContent === 'Quarantined'),
    );
    await f.page.keyboard.press('Enter');
    expect(await f.page.textContent('.cm-content')).toBe('MessageTrace | where Status == "Quarantined"');
  });

  it('offers operators after `|`, including make-series', async () => {
    await typeFresh('MessageTrace | ma');
    const labels = await shown();
    expect(labels).toContain('make-series');
    expect(labels).not.toContain('MessageTrace');
  });
});
