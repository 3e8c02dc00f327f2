// Working findings in Debian's chromium: from the list to a finding's page, open to closed with an assignee and a
// note, its history and chart, the evidence rows of hostile mail shown as text and exported inert, what viewers
// may not do, bulk changes, and the page in Japanese.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { runDetections, type Finding } from '../../src/detect/index.js';
import { browserFixture, HAS_CHROMIUM, HOSTILE, reportSkip, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-findings.browser.test.ts');

// UPDATE_SCREENSHOTS=1 refreshes docs/screenshots; otherwise they go to a scratch folder.
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : join(tmpdir(), 'mailsift-screenshots');

describe.skipIf(!HAS_CHROMIUM)('working findings in chromium', () => {
  let f: BrowserFixture;
  let hostile: Finding;
  let spike: Finding;
  let burst: Finding;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    f = await browserFixture({ days: 21, perDay: 500 });
    const config = configSchema.parse({
      organization: { name: 'Contoso', acceptedDomains: ['contoso.co.jp', 'contoso.com'], embargoedCountries: ['KP'] },
    });
    const found = await runDetections({ store: f.store, config, rules: ['embargoed-geo', 'status-spike', 'outbound-burst'] });
    hostile = found.find((x) => x.rule === 'embargoed-geo' && x.entities.ip === '203.0.113.66')!;
    spike = found.find((x) => x.rule === 'status-spike' && Array.isArray(x.details.series))!;
    burst = found.find((x) => x.rule === 'outbound-burst')!;
    expect(hostile, 'the hostile rows come from North Korea').toBeDefined();
    expect(burst, 'the demo tenant has a hijacked mailbox').toBeDefined();
    expect(spike, 'the demo tenant has a status spike').toBeDefined();
  }, 240_000);
  afterAll(async () => {
    await f?.close();
  });

  const open = async (id: string) => {
    await f.page.goto(`${f.url}/findings/${encodeURIComponent(id)}`);
    await f.page.waitForSelector('[data-testid=finding-page]');
  };

  /** No script ran and no element came from hostile text. */
  async function expectNothingRan(where: string) {
    expect(f.dialogs, `dialogs on ${where}`).toEqual([]);
    const found = await f.page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    }));
    expect(found, where).toEqual({ imgs: 0, svgOnload: 0, scripts: 0 });
  }

  it('works a finding from open to closed with an assignee and a note, and keeps its history', async () => {
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/findings?range=30d`);
    await f.page.waitForSelector('[data-testid=state-counts]');
    const openBefore = Number((await f.page.textContent('[data-testid=state-counts] [data-state=open] strong'))!.replace(/,/g, ''));
    expect(openBefore).toBeGreaterThanOrEqual(2);
    await f.page.click(`tr[data-id="${hostile.id}"] [data-testid=finding-link]`);
    await f.page.waitForSelector('[data-testid=finding-page]');
    expect(new URL(f.page.url()).pathname).toBe(`/findings/${encodeURIComponent(hostile.id)}`);
    expect(await f.page.textContent('[data-testid=finding-rule]')).toBe('embargoed-geo');
    expect(await f.page.textContent('[data-testid=finding-reasoning]')).toContain('embargo list');
    expect(await f.page.textContent('[data-testid=finding-state]')).toBe('Open');

    await f.page.click('[data-testid=finding-actions] >> text=Acknowledge');
    await f.page.waitForSelector('[data-testid=finding-page][data-state=acknowledged]');
    await f.page.click('[data-testid=finding-actions] >> text=Assign to me');
    await f.page.waitForFunction(() => document.querySelector('[data-testid=finding-assignee]')?.textContent === 'analyst');
    const note = `Blocked 203.0.113.66 at the gateway. ${HOSTILE.img} ${HOSTILE.formula}`;
    await f.page.fill('textarea[name=note]', note);
    await f.page.click('.finding-note-form button[type=submit]');
    await f.page.waitForSelector('.finding-history li[data-kind=note]');
    await f.page.click('[data-testid=finding-actions] >> text=Close');
    await f.page.waitForSelector('[data-testid=finding-page][data-state=closed]');
    await f.page.waitForFunction(() => document.querySelectorAll('.finding-history li').length === 4);

    // After a reload everything is read back from the store: who did what, in order, the note as text.
    await open(hostile.id);
    await f.page.waitForSelector('.finding-history li');
    const lines = await f.page.$$eval('.finding-history li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(lines.map((l) => l.replace(/^.*?(analyst)/, '$1'))).toEqual([
      'analyst set the state to Acknowledged',
      'analyst assigned it to analyst',
      `analyst added a note${note}`,
      'analyst set the state to Closed',
    ]);
    expect(
      await f.page.$$eval('.finding-history time', (ts) => ts.every((t) => !Number.isNaN(Date.parse(t.getAttribute('datetime') ?? '')))),
    ).toBe(true);
    expect(await f.page.textContent('.finding-note')).toBe(note);
    expect(await f.page.textContent('[data-testid=finding-state]')).toBe('Closed');
    await expectNothingRan('finding page after the note');

    await f.page.goto(`${f.url}/findings?range=30d`);
    await f.page.waitForSelector(`tr[data-id="${hostile.id}"]`);
    expect(await f.page.textContent(`tr[data-id="${hostile.id}"] [data-testid=finding-state-cell]`)).toContain('Closed');
    expect(await f.page.textContent('[data-testid=state-counts] [data-state=closed] strong')).toBe('1');
    // "Assigned to me" is kept in the URL, like the other filters of the list.
    await f.page.selectOption('select[name=assignee]', 'analyst');
    await f.page.waitForFunction(() => document.querySelectorAll('.findings-table tbody tr').length === 1);
    expect(new URL(f.page.url()).searchParams.get('assignee')).toBe('analyst');
    expect(await f.page.getAttribute('.findings-table tbody tr', 'data-id')).toBe(hostile.id);
  });

  it('shows the evidence rows of hostile mail as text, sortable, and exports them inert', async () => {
    await open(hostile.id);
    await f.page.waitForSelector('[data-testid=finding-evidence] .result-table tbody tr');
    const text = await f.page.textContent('[data-testid=finding-evidence] .result-table');
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.formula);
    const received = async () =>
      f.page.$$eval('[data-testid=finding-evidence] .result-table tbody tr[aria-rowindex] td:first-child', (tds) =>
        tds.map((td) => td.textContent ?? ''),
      );
    const before = await received();
    // Times sort newest first on the first click (the query lists them oldest first).
    await f.page.click('[data-testid=finding-evidence] .result-table thead th:first-child .th-button');
    await f.page.waitForSelector('[data-testid=finding-evidence] .result-table thead th[aria-sort=descending]');
    const after = await received();
    expect(after[0]).not.toBe(before[0]);
    expect(after.length).toBe(before.length);
    await expectNothingRan('evidence rows');

    const download = f.page.waitForEvent('download');
    await f.page.click('[data-testid=evidence-export]');
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\ufeff/, '');
    expect(csv).toContain(`'${HOSTILE.formula.replace(/"/g, '""')}`);
    expect(csv).toContain(HOSTILE.img);
    for (const cell of csv.split(/[,\r\n]/)) expect(cell).not.toMatch(/^"?[=+@]/);

    // Entities lead to their mail: the dashboard filtered on the IP's country, the Explorer on the IP.
    expect(await f.page.getAttribute('[data-testid=entity-dashboard-country]', 'href')).toMatch(/^\/security\?.*country=KP/);
    await f.page.click('[data-testid=entity-explorer-ip]');
    await f.page.waitForURL(/\/explorer\?/);
    expect(new URL(f.page.url()).searchParams.get('q')).toContain('FromIP == "203.0.113.66"');
  });

  it('draws the spike against its usual level, its figures beside their usual values', async () => {
    await open(spike.id);
    await f.page.waitForSelector('[data-testid=finding-chart][data-kind=series] .echart[data-drawn]');
    const option = await f.page.$eval('[data-testid=finding-chart] .echart', (el) => {
      const o = (
        el as HTMLElement & { mailsiftChart: { getOption(): { series: { id: string; data: unknown[] }[] } } }
      ).mailsiftChart.getOption();
      return o.series.map((s) => ({ id: s.id, points: s.data.length, max: Math.max(...s.data.map((v) => Number(v ?? 0))) }));
    });
    const series = spike.details.series as { observed: number; expected: number | null }[];
    expect(option).toEqual([
      { id: 'observed', points: series.length, max: Math.max(...series.map((p) => p.observed)) },
      { id: 'usual', points: series.length, max: Math.max(...series.map((p) => p.expected ?? 0)) },
    ]);
    expect(await f.page.textContent('[data-testid=finding-facts]')).toContain('Usual');
    expect(await f.page.getAttribute('[data-testid=finding-chart] .echart', 'role')).toBe('img');
    await f.page.waitForTimeout(300);
    await f.page.screenshot({ path: join(SHOTS, 'finding.png') });
    // The top values the rule recorded, each a link to the dashboard filtered on it.
    const top = (spike.details.topSenderDomains as { value: string; count: number }[])[0]!;
    const link = f.page.locator('[data-testid=finding-tops] [data-list=topSenderDomains] a', { hasText: top.value }).first();
    expect(new URLSearchParams((await link.getAttribute('href'))!.split('?')[1]).getAll('domain')).toEqual([top.value]);
    await expectNothingRan('spike finding');
  });

  it("draws a hijacked mailbox's days against its usual busy day", async () => {
    await open(burst.id);
    await f.page.waitForSelector('[data-testid=finding-chart][data-kind=series] .echart[data-drawn]');
    const option = await f.page.$eval('[data-testid=finding-chart] .echart', (el) => {
      const o = (
        el as HTMLElement & { mailsiftChart: { getOption(): { xAxis: { data: string[] }[]; series: { data: unknown[] }[] } } }
      ).mailsiftChart.getOption();
      return { days: o.xAxis[0]!.data.length, last: Number(o.series[0]!.data.at(-1)) };
    });
    const series = burst.details.series as { observed: number }[];
    expect(option).toEqual({ days: series.length, last: series.at(-1)!.observed });
    expect(series.at(-1)!.observed).toBe(Math.max(...series.map((p) => p.observed)));
    expect(await f.page.textContent('[data-testid=finding-facts]')).toContain('Mail out of hours');
  });

  it('lets viewers read a finding and change nothing', async () => {
    await f.signIn('viewer');
    await open(hostile.id);
    await f.page.waitForSelector('.finding-history li');
    expect(await f.page.locator('[data-testid=finding-actions]').count()).toBe(0);
    expect(await f.page.locator('textarea[name=note]').count()).toBe(0);
    expect(await f.page.locator('[data-testid=finding-evidence]').count()).toBe(0);
    await f.page.goto(`${f.url}/findings?range=30d`);
    await f.page.waitForSelector('.findings-table');
    expect(await f.page.locator('.findings-table input[type=checkbox]').count()).toBe(0);
  });

  it('acknowledges a selection at once, and reads in Japanese', async () => {
    await f.signIn('admin');
    await f.page.goto(`${f.url}/findings?range=30d`);
    await f.page.waitForSelector('.findings-table tbody tr');
    await f.page.selectOption('select[name=state]', 'open');
    await f.page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=finding-state-cell]')];
      return cells.length > 0 && cells.every((c) => c.textContent?.startsWith('Open'));
    });
    const boxes = f.page.locator('.findings-table tbody input[type=checkbox]');
    const n = Math.min(2, await boxes.count());
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await boxes.nth(i).check();
    await f.page.click('[data-testid=bulk-actions] >> text=Acknowledge selected');
    await f.page.waitForSelector(`text=${n} findings changed.`);
    await f.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=state-counts] [data-state=acknowledged] strong')?.textContent) >= n,
      n,
    );
    // The list still shows open findings only: the acknowledged ones left it.
    await f.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=finding-state-cell]')].every((c) => c.textContent?.startsWith('Open')),
    );

    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=language-select]', 'ja');
    // The choice is saved (and remembered in the browser) before the page is opened anew.
    await f.page.waitForFunction(() => document.documentElement.lang === 'ja');
    await open(hostile.id);
    await f.page.waitForSelector('.finding-history li');
    expect(await f.page.textContent('[data-testid=finding-state]')).toBe('完了');
    expect(await f.page.textContent('[data-testid=finding-reasoning]')).toContain('禁輸国');
    expect(await f.page.textContent('.finding-history')).toContain('analyst が対応状況を「完了」に変更');
    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=language-select]', '');
    await expectNothingRan('finding page in Japanese');
  });
});
