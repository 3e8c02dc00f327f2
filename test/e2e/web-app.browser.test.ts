// The web app in Debian's chromium on a demo tenant with hostile rows: sign-in, every dashboard, legend
// isolation, filtering from the pivot, the Explorer, exports, and text from strangers that must never run.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { runDetections } from '../../src/detect/index.js';
import { browserFixture, HAS_CHROMIUM, HOSTILE, reportSkip, waitForPanels, type BrowserFixture } from './browser-fixture.js';
import { firstPanelTimes, noteFirstPanel } from '../support/first-panel.js';

reportSkip('web-app.browser.test.ts');

const DASHBOARDS = ['overview', 'message-monitoring', 'security', 'threat-intel'];
// UPDATE_SCREENSHOTS=1 refreshes docs/screenshots; otherwise they go to a scratch folder.
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : join(tmpdir(), 'mailsift-screenshots');

describe.skipIf(!HAS_CHROMIUM)('web app in chromium', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    f = await browserFixture();
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  /** No script ran, no element came from hostile text, and the page does not overflow sideways. */
  async function expectSafeLayout(where: string) {
    expect(f.dialogs, `dialogs on ${where}`).toEqual([]);
    const found = await f.page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(found, where).toEqual({ imgs: 0, svgOnload: 0, scripts: 0, overflow: 0 });
  }

  it('sends a signed-out visitor to the sign-in page and refuses a wrong password', async () => {
    await f.context.clearCookies();
    await f.page.goto(`${f.url}/security?range=7d`);
    await f.page.waitForSelector('form.signin-card');
    expect(f.page.url()).toContain('/signin?returnTo=');
    await f.page.fill('input[name=username]', 'analyst');
    await f.page.fill('input[name=password]', 'not the password');
    await f.page.click('button[type=submit]');
    await f.page.waitForSelector('.signin-card [role=alert]');
    expect(await f.page.textContent('.signin-card [role=alert]')).toContain('Wrong user name or password');
    await f.page.fill('input[name=password]', 'browser-test-password');
    await f.page.click('button[type=submit]');
    await f.page.waitForSelector('.app-header');
    expect(new URL(f.page.url()).pathname).toBe('/security');
  });

  it('opens every dashboard with every panel loaded, hostile rows included', async () => {
    await f.signIn('analyst');
    for (const d of DASHBOARDS) {
      for (const range of ['30d', '7d', '24h']) {
        await f.page.goto(`${f.url}/${d}?range=${range}`);
        await waitForPanels(f.page);
        const states = await f.page.$$eval('section.panel[data-status]', (els) =>
          els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-status')}`),
        );
        expect(
          states.filter((s) => s.endsWith('=error')),
          `${d} ${range}`,
        ).toEqual([]);
        await expectSafeLayout(`${d} ${range}`);
        if (range === '7d') await f.page.screenshot({ path: join(SHOTS, `${d}.png`), fullPage: true });
      }
    }
    // The maps are drawn on the world's countries (the map is registered once ECharts has come, before any map chart).
    await f.page.goto(`${f.url}/message-monitoring?range=30d`);
    await waitForPanels(f.page);
    const regions = await f.page.$eval('[data-testid=panel-sender-countries] .echart', (el) => {
      const chart = (el as HTMLElement & { mailsiftChart: any }).mailsiftChart;
      return chart.getModel().getSeriesByIndex(0).coordinateSystem?.regions?.length ?? 0;
    });
    expect(regions).toBeGreaterThan(150);
    // The hostile subjects are on screen as text, their invisible characters shown. Their domain's chip keeps the
    // panel to them: unfiltered, its top 10 of the day ties with the demo's subjects, which vary with the hour.
    await f.page.goto(`${f.url}/security?range=24h&domain=evil.example`);
    await waitForPanels(f.page);
    const text = await f.page.textContent('[data-testid=panel-bad-subjects]');
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain('invoice\u27e6RLO\u27e7gnp.exe');
    expect(text).not.toContain('\u202e');
  });

  it('isolates a status from the legend, adds one with shift, and restores all', async () => {
    await f.page.goto(`${f.url}/overview?range=30d`);
    await waitForPanels(f.page);
    await f.page.locator('[data-testid=panel-status-per-day]').scrollIntoViewIfNeeded();
    const legend = () =>
      f.page.$eval('[data-testid=panel-status-per-day] .echart', (el) => {
        const chart = (
          el as HTMLElement & {
            mailsiftChart: { getOption(): { legend: { selected?: Record<string, boolean> }[]; series: { name: string }[] } };
          }
        ).mailsiftChart;
        const option = chart.getOption();
        const selected = option.legend[0]?.selected ?? {};
        return option.series
          .map((s) => s.name)
          .filter((n) => selected[n] !== false)
          .sort();
      });
    const clickLegend = async (name: string, shift: boolean) => {
      if (shift) await f.page.keyboard.down('Shift');
      // A real mouse click on the legend entry, found through the chart's own layout.
      const box = await f.page.$eval(
        '[data-testid=panel-status-per-day] .echart',
        (el, n) => {
          const chart = (el as HTMLElement & { mailsiftChart: any }).mailsiftChart;
          const legendView = chart._componentsViews.find((v: any) => v.type === 'legend.plain' || v.type === 'legend.scroll');
          let rect: { x: number; y: number; width: number; height: number } | null = null;
          legendView.group.traverse((node: any) => {
            if (!rect && node.__legendDataIndex !== undefined && node.children?.().some?.((c: any) => c.style?.text === n)) {
              const r = node.getBoundingRect().clone();
              r.applyTransform(node.getComputedTransform());
              rect = r;
            }
          });
          const box = el.getBoundingClientRect();
          return rect
            ? { x: box.left + (rect as any).x + (rect as any).width / 2, y: box.top + (rect as any).y + (rect as any).height / 2 }
            : null;
        },
        name,
      );
      expect(box, `legend entry ${name}`).not.toBeNull();
      await f.page.mouse.move(box!.x, box!.y);
      await f.page.mouse.down();
      await f.page.mouse.up();
      if (shift) await f.page.keyboard.up('Shift');
      await f.page.waitForTimeout(200);
    };
    const all = await legend();
    expect(all).toContain('Delivered');
    await clickLegend('Failed', false);
    expect(await legend()).toEqual(['Failed']);
    await clickLegend('Quarantined', true);
    expect(await legend()).toEqual(['Failed', 'Quarantined']);
    await clickLegend('Delivered', false);
    expect(await legend()).toEqual(['Delivered']);
    await clickLegend('Delivered', false);
    expect(await legend()).toEqual(all);
    await f.page.screenshot({ path: join(SHOTS, 'overview-legend.png') });
  });

  it('filters every panel by a sender clicked in the pivot, as a chip kept in the URL', async () => {
    await f.page.goto(`${f.url}/overview?range=30d`);
    await waitForPanels(f.page);
    const before = await f.page.textContent('[data-testid=panel-messages] .stat-value');
    const sender = f.page.locator('[data-testid=panel-top-senders-status] tbody button.cell-button').nth(2);
    const address = (await sender.textContent())!.trim();
    await sender.click();
    await f.page.waitForSelector('[data-testid=chip-sender]');
    expect(new URL(f.page.url()).searchParams.getAll('sender')).toEqual([address]);
    await waitForPanels(f.page);
    const rows = await f.page.$$eval('[data-testid=panel-top-senders-status] tbody tr:not([aria-hidden])', (trs) => trs.length);
    expect(rows).toBe(1);
    expect(await f.page.textContent('[data-testid=panel-messages] .stat-value')).not.toBe(before);
    // The chip goes with the user to the next page, and x removes it.
    await f.page.click('nav >> text=Security');
    await f.page.waitForSelector('[data-testid=chip-sender]');
    await f.page.click('[data-testid=chip-sender] .chip-remove');
    await f.page.waitForFunction(() => !new URL(location.href).searchParams.has('sender'));
  });

  it('asks for the user, the dashboard and the freshness side by side on a first visit, for the panels before they are drawn, and for the charts after', async () => {
    const page = await f.page.context().newPage();
    try {
      const seen: string[] = [];
      const api = (url: string) => new URL(url).pathname.startsWith('/api/');
      page.on('request', (r) => api(r.url()) && seen.push(`${r.method()} ${new URL(r.url()).pathname}`));
      page.on('response', (r) => api(r.url()) && seen.push(`answered ${new URL(r.url()).pathname}`));
      await noteFirstPanel(page);
      await page.goto(`${f.url}/overview?range=7d`);
      await waitForPanels(page);
      // All three asked before any answer came, the freshness once.
      expect(seen.slice(0, 3).sort()).toEqual(['GET /api/auth/me', 'GET /api/dashboards/overview', 'GET /api/freshness']);
      expect(seen.filter((s) => s === 'GET /api/freshness')).toHaveLength(1);
      // The panels' one request left once both were in, before the page drew its panels, which took it over.
      expect(seen.indexOf('POST /api/dashboards/overview/run')).toBeGreaterThan(seen.indexOf('answered /api/dashboards/overview'));
      expect(seen.filter((s) => s === 'POST /api/dashboards/overview/run')).toHaveLength(1);
      const { runAt, panelAt } = await firstPanelTimes(page);
      expect(runAt).toBeLessThan(panelAt);
      // ECharts is a script of its own, asked for once the panels' request has left.
      const chartsAt = await page.evaluate(
        () =>
          performance.getEntriesByType('resource').find((e) => /\/assets\/echarts-core-[^/]*\.js$/.test(new URL(e.name).pathname))
            ?.startTime,
      );
      expect(chartsAt).toBeGreaterThanOrEqual(runAt);
    } finally {
      await page.close();
    }
  });

  it('adds a filter typed by hand, and auto-refreshes in one request without blanking the panels', async () => {
    const page = await f.page.context().newPage();
    try {
      await page.clock.install();
      const runs: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/dashboards/') && r.url().endsWith('/run')) runs.push(new URL(r.url()).pathname);
      });
      await page.goto(`${f.url}/overview?range=7d`);
      await waitForPanels(page);
      // Every panel of the page came in one streamed request.
      expect(runs).toEqual(['/api/dashboards/overview/run']);

      await page.click('[data-testid=add-filter]');
      await page.selectOption('.add-filter select', 'status');
      await page.fill('.add-filter input[name=filter-value]', 'Quarantined');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=chip-status]');
      expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['Quarantined']);
      await waitForPanels(page);
      const statuses = await page.$$eval('[data-testid=panel-status-share] table tbody tr', (trs) => trs.length).catch(() => -1);
      expect(statuses === -1 || statuses <= 1).toBe(true);

      await page.selectOption('#refresh-select', '1m');
      expect(new URL(page.url()).searchParams.get('refresh')).toBe('1m');
      await page.evaluate(() => {
        const w = window as unknown as { blanked: string[] };
        w.blanked = [];
        new MutationObserver((changes) => {
          for (const c of changes)
            if ((c.target as Element).getAttribute('data-status') === 'loading')
              w.blanked.push((c.target as Element).getAttribute('data-testid') ?? '?');
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
      });
      const before = runs.length;
      await page.clock.runFor(61_000);
      await expect.poll(() => runs.length, { timeout: 10_000 }).toBe(before + 1);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { blanked: string[] }).blanked)).toEqual([]);
      // The filter stays, and auto-refresh follows the user to the next page.
      await page.click('nav >> text=Security');
      await page.waitForSelector('[data-testid=chip-status]');
      expect(new URL(page.url()).searchParams.get('refresh')).toBe('1m');
    } finally {
      await page.close();
    }
  });

  it('turns into a wall display: large type, no controls, more panels per row, refreshing itself', async () => {
    const page = await f.page.context().newPage();
    try {
      await page.setViewportSize({ width: 2560, height: 1440 });
      await page.goto(`${f.url}/overview?range=7d`);
      await waitForPanels(page);
      await page.click('[data-testid=wall-toggle]');
      await page.waitForFunction(() => document.documentElement.classList.contains('wall'));
      const params = new URL(page.url()).searchParams;
      expect([params.get('wall'), params.get('refresh')]).toEqual(['1', '5m']);
      expect(await page.isVisible('#range-select')).toBe(false);
      expect(await page.isVisible('[data-testid=panel-delivered] .panel-menu-wrap')).toBe(false);
      // Four stats and more share the first row.
      const tops = await page.$$eval('section.panel', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(tops.filter((t) => t === tops[0]).length).toBeGreaterThan(4);
      await page.screenshot({ path: join(SHOTS, 'wall-display.png') });
      // No menu on the wall; it stays on from page to page (the app's own links keep it), and the way out is still there.
      expect(await page.isVisible('#main-nav')).toBe(false);
      await page.$eval('#main-nav a[href="/security"]', (a) => (a as HTMLAnchorElement).click());
      await page.waitForURL(/\/security\?.*wall=1/);
      await page.click('[data-testid=wall-toggle]');
      await page.waitForFunction(() => !document.documentElement.classList.contains('wall'));
      expect(await page.isVisible('#range-select')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('runs KQL in the Explorer, underlines mistakes, opens a message, and exports CSV that cannot become formulas', async () => {
    await f.page.goto(`${f.url}/explorer?range=24h`);
    await f.page.waitForSelector('.cm-content');
    await f.page.click('.cm-content');
    await f.page.keyboard.type('MessageTrace\n| where NoSuchColumn == 1');
    await f.page.keyboard.press('Control+Enter');
    await f.page.waitForSelector('[data-testid=query-error]');
    expect(await f.page.textContent('[data-testid=query-error]')).toMatch(/line 2, column 9/);
    await f.page.waitForSelector('.cm-lintRange-error');

    await f.page.keyboard.press('Control+a');
    await f.page.keyboard.type(
      'MessageTrace\n| where SenderDomain == "evil.example"\n| project Received, Subject, SenderAddress, Status, MessageTraceId\n| sort by Received asc',
    );
    await f.page.click('[data-testid=run-query]');
    await f.page.waitForSelector('[data-testid=result-stats]');
    expect(await f.page.textContent('[data-testid=result-stats]')).toMatch(/^40 rows/);
    const tableText = await f.page.textContent('.result-table');
    expect(tableText).toContain(HOSTILE.img);
    expect(tableText).toContain('\u27e6RLO\u27e7evil@evil.example');
    await expectSafeLayout('explorer');
    await f.page.keyboard.press('Escape');
    await f.page.screenshot({ path: join(SHOTS, 'explorer.png') });

    const download = f.page.waitForEvent('download');
    await f.page.click('[data-testid=export-csv]');
    const file = await (await download).path();
    const csv = readFileSync(file!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Received,Subject,SenderAddress,Status,MessageTraceId');
    expect(csv).toContain(`'${HOSTILE.formula.replace(/"/g, '""')}`);
    expect(csv).toContain("'=cmd|calc@evil.example");
    for (const line of lines.slice(1)) expect(line.split(',')[1] ?? '').not.toMatch(/^"?[=+\-@]/);

    await f.page.locator('.result-table tbody button.cell-button').first().click();
    await f.page.waitForSelector('.message-page .result-table');
    expect(await f.page.textContent('.message-page')).toContain('victim@contoso.co.jp');
  });

  it('shows 100,000 rows without freezing: virtualised, scrollable and sortable', async () => {
    await f.page.goto(`${f.url}/explorer?range=30d`);
    await f.page.waitForSelector('.cm-content');
    await f.page.click('.cm-content');
    await f.page.keyboard.type(
      'union MessageTrace, MessageTrace, MessageTrace, MessageTrace\n| project Received, SenderAddress, Subject, Status, Size',
    );
    await f.page.keyboard.press('Escape');
    const started = Date.now();
    await f.page.click('[data-testid=run-query]');
    await f.page.waitForSelector('[data-testid=result-stats]');
    const elapsed = Date.now() - started;
    expect(await f.page.textContent('[data-testid=result-stats]')).toMatch(/^100,000 rows/);
    expect(await f.page.textContent('.notice')).toContain('first 100,000 rows');
    // Only a screenful of rows is in the page.
    expect(await f.page.$$eval('.result-table tbody tr:not([aria-hidden])', (trs) => trs.length)).toBeLessThan(80);
    await f.page.$eval('.explorer .result-table', (el) => (el.scrollTop = el.scrollHeight));
    await f.page.waitForFunction(() =>
      [...document.querySelectorAll('.result-table tbody tr[aria-rowindex]')].some((tr) => tr.getAttribute('aria-rowindex') === '100001'),
    );
    const sortStarted = Date.now();
    await f.page.click('.result-table th:nth-child(5) button');
    await f.page.waitForSelector('.result-table th[aria-sort=descending]');
    const sortMs = Date.now() - sortStarted;
    // The page answers at once after the sort.
    const ping = await f.page.evaluate(
      () =>
        new Promise<number>((r) => {
          const t = performance.now();
          setTimeout(() => r(performance.now() - t), 0);
        }),
    );
    expect(sortMs).toBeLessThan(3_000);
    expect(ping).toBeLessThan(100);
    process.stderr.write(`100,000 rows: query + render ${elapsed} ms, sort ${sortMs} ms\n`);
  });

  it('shows hostile names in chart tooltips as text', async () => {
    await f.page.goto(`${f.url}/security?range=24h`);
    await waitForPanels(f.page);
    const chart = f.page.locator('[data-testid=panel-bad-senders] .echart');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // Sweep the bars: one of them is a hostile sender.
    let seen = '';
    for (let y = box.y + 15; y < box.y + box.height - 30 && !seen.includes('<img'); y += 12) {
      await f.page.mouse.move(box.x + box.width * 0.4, y);
      await f.page.waitForTimeout(60);
      seen += (await f.page.$$eval('.chart-tooltip', (els) => els.map((e) => e.textContent ?? '').join('|'))) + '|';
    }
    expect(seen).toContain('<img src=x onerror=alert(5)>');
    await expectSafeLayout('tooltips');
  });

  it('keeps viewers to dashboards and shows the findings empty state', async () => {
    await f.signIn('viewer');
    await f.page.goto(`${f.url}/findings?range=30d`);
    await f.page.waitForSelector('[data-testid=findings-empty]');
    expect(await f.page.textContent('[data-testid=findings-empty]')).toContain('Detections will fill this list');
    await f.page.screenshot({ path: join(SHOTS, 'findings.png') });
    expect(await f.page.locator('nav >> text=Explorer').count()).toBe(0);
    await f.page.goto(`${f.url}/overview?range=30d`);
    await waitForPanels(f.page);
    await f.page.click('[data-testid=panel-delivered] .icon-button');
    const items = await f.page.$$eval('[data-testid=panel-delivered] [role=menuitem]', (els) => els.map((e) => e.textContent));
    expect(items).not.toContain('Open in Explorer');
    expect(items).toContain('Export CSV');
    expect(f.dialogs).toEqual([]);
  });

  // Last: it fills the Findings table.
  it('marks the spikes detections found on the Security trends, each a link to its finding', async () => {
    const config = configSchema.parse({ organization: { name: 'Contoso', acceptedDomains: ['contoso.co.jp', 'contoso.com'] } });
    const found = await runDetections({ store: f.store, config, rules: ['status-spike'] });
    const spikes = found.filter((x) => ['Quarantined', 'FilteredAsSpam'].includes(String(x.entities.status ?? '')));
    expect(spikes.length, 'the demo tenant has a quarantine or spam wave').toBeGreaterThan(0);
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/security?range=30d`);
    await waitForPanels(f.page);
    const panel = '[data-testid=panel-quarantine-spam-trend]';
    const links = f.page.locator(`${panel} [data-testid=chart-marks] a`);
    expect(await links.count()).toBe(spikes.length);
    const areas = await f.page.$eval(`${panel} .echart`, (el) => {
      const option = (
        el as HTMLElement & { mailsiftChart: { getOption(): { series: { id?: string; markArea?: { data: unknown[] } }[] } } }
      ).mailsiftChart.getOption();
      return option.series.find((x) => x.id === 'marks')?.markArea?.data.length ?? 0;
    });
    expect(areas).toBe(spikes.length);
    await f.page.screenshot({ path: join(SHOTS, 'security-spikes.png') });
    await links.first().click();
    await f.page.waitForURL(/\/findings\/.+/);
    await f.page.waitForSelector('text=status-spike');
    expect(f.dialogs).toEqual([]);
  });
});
