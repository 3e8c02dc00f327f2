// Saved searches and dashboards made in the browser, in Debian's chromium: save a search in the Explorer, pin it
// to a new dashboard, move and resize its panels (keyboard and buttons), reload and find them kept; copy a
// built-in dashboard; the same screens in Japanese; viewers see no editing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFixture, HAS_CHROMIUM, reportSkip, waitForPanels, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-saved.browser.test.ts');

const QUERY = 'MessageTrace\n| summarize Count = count() by Status';

describe.skipIf(!HAS_CHROMIUM)('saved searches and dashboards in chromium', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await browserFixture({ days: 7, perDay: 300 });
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  /** The panels of a dashboard made in the app, as the server keeps them. */
  async function storedPanels(id: string) {
    const d = await f.store.saved.getStoredDashboard(id);
    return (d?.definition.panels as { id: string; title: string; width: number; kind: string; chart?: string }[]) ?? [];
  }

  it('saves a search, pins it to a new dashboard, moves and resizes panels, and keeps them across a reload', async () => {
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/explorer?range=7d`);
    await f.page.waitForSelector('.cm-content');
    await f.page.click('.cm-content');
    await f.page.keyboard.type(QUERY);
    await f.page.keyboard.press('Escape');
    await f.page.click('[data-testid=run-query]');
    await f.page.waitForSelector('[data-testid=result-stats]');

    await f.page.click('[data-testid=save-search]');
    await f.page.fill('[data-testid=search-name]', 'Mail by status');
    await f.page.click('[data-testid=save-search-submit]');
    await f.page.waitForSelector('[data-testid=saved-search] >> text=Mail by status');

    // Pin it as a bar chart to a new dashboard.
    await f.page.click('[data-testid=saved-search] [data-testid=pin-search]');
    await f.page.selectOption('[data-testid=pin-target]', '');
    await f.page.fill('[data-testid=pin-new-title]', 'Morning hunt');
    await f.page.selectOption('[data-testid=pin-kind]', 'bar');
    await f.page.click('[data-testid=pin-submit]');
    await f.page.waitForSelector('[data-testid=pinned]');
    // A second panel from the same search, as a table, to the dashboard just made (now the default target).
    await f.page.click('[data-testid=saved-search] [data-testid=pin-search]');
    await f.page.waitForFunction(() => (document.querySelector('[data-testid=pin-target]') as HTMLSelectElement | null)?.value !== '');
    await f.page.click('[data-testid=pin-submit]');
    await f.page.waitForSelector('[data-testid=pinned]');

    await f.page.click('[data-testid=open-pinned]');
    await f.page.waitForSelector('h1.page-title >> text=Morning hunt');
    await waitForPanels(f.page);
    const id = decodeURIComponent(new URL(f.page.url()).pathname.split('/').pop()!);
    const [chart, table] = await storedPanels(id);
    expect([chart!.kind, chart!.chart, table!.kind]).toEqual(['chart', 'bar', 'table']);
    // The dashboard is in the navigation's Dashboards page and the bar chart draws the search's answer.
    expect(await f.page.locator(`[data-testid=panel-${chart!.id}] canvas, [data-testid=panel-${chart!.id}] svg`).count()).toBeGreaterThan(
      0,
    );

    // Edit: move the table first with the keyboard, widen it with Shift+→, narrow the chart with a button.
    await f.page.click('[data-testid=edit-layout]');
    await f.page.focus(`[data-testid=slot-${table!.id}]`);
    await f.page.keyboard.press('ArrowLeft');
    await f.page.keyboard.press('Shift+ArrowRight');
    await f.page.keyboard.press('Shift+ArrowRight');
    await f.page.click(`[data-testid=slot-${chart!.id}] button[aria-label^="Narrower"]`);
    // Each change is said for screen readers, then that it was saved.
    await f.page.waitForFunction(() =>
      /is now 5 of 12 columns wide\. Saved\.$/.test(document.querySelector('[data-testid=layout-status]')?.textContent ?? ''),
    );
    // The focused panel's wrapper keeps the focus where keyboard users left it, and shows the width.
    expect(await f.page.getAttribute(`[data-testid=slot-${table!.id}]`, 'data-width')).toBe('8');
    await f.page.waitForFunction(
      async ([dashboard]) => {
        const r = await fetch(`/api/dashboards/${dashboard}`);
        const d = (await r.json()) as { panels: { width: number }[] };
        return d.panels.map((p) => p.width).join() === '8,5';
      },
      [id],
    );

    await f.page.reload();
    await f.page.waitForSelector('h1.page-title >> text=Morning hunt');
    await waitForPanels(f.page);
    const order = await f.page.$$eval('.grid > section.panel', (els) =>
      els.map((e) => [e.getAttribute('data-testid'), (e as HTMLElement).style.gridColumn]),
    );
    expect(order).toEqual([
      [`panel-${table!.id}`, 'span 8'],
      [`panel-${chart!.id}`, 'span 5'],
    ]);
    // The filter chips apply to user panels: Failed only.
    await f.page.goto(`${f.url}/dashboards/${encodeURIComponent(id)}?range=7d&status=Failed`);
    await waitForPanels(f.page);
    const rows = await f.page.$$eval(`[data-testid=panel-${table!.id}] .result-table tbody tr[aria-rowindex]`, (trs) => trs.length);
    expect(rows).toBe(1);
    expect(await f.page.locator(`[data-testid=panel-${table!.id}] [data-testid=unfiltered-note]`).count()).toBe(0);
    expect(f.dialogs).toEqual([]);
  });

  it('copies a built-in dashboard into one that can be edited; the built-in stays read-only', async () => {
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/security?range=7d`);
    await f.page.waitForSelector('[data-testid=dashboard-actions]');
    expect(await f.page.locator('[data-testid=edit-layout]').count()).toBe(0);
    expect(await f.page.textContent('[data-testid=dashboard-actions]')).toContain('read-only template');
    await f.page.click('[data-testid=copy-dashboard]');
    await f.page.waitForSelector('h1.page-title >> text=Security (copy)');
    expect(new URL(f.page.url()).pathname).toMatch(/^\/dashboards\/d-/);
    await waitForPanels(f.page);
    expect(await f.page.locator('[data-testid=edit-layout]').count()).toBe(1);
    await f.page.click('#main-nav a[href="/dashboards"]');
    await f.page.waitForSelector('[data-testid=dashboard-row] >> text=Security (copy)');
    await f.page.waitForSelector('[data-testid=dashboard-row] >> text=Morning hunt');
  });

  it('shows the same screens in Japanese', async () => {
    await f.signIn('analyst');
    await f.page.goto(`${f.url}/dashboards`);
    await f.page.waitForSelector('[data-testid=dashboard-row]');
    await f.page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrf: string };
      await fetch('/api/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf },
        body: JSON.stringify({ language: 'ja' }),
      });
    });
    await f.page.reload();
    await f.page.waitForSelector('h1.page-title >> text=ダッシュボード');
    expect(await f.page.textContent('.dashboards-page')).toContain('セキュリティ（コピー）');
    await f.page.goto(`${f.url}/explorer?range=7d`);
    await f.page.waitForSelector('[data-testid=saved-searches] >> text=保存した検索');
    expect(await f.page.textContent('[data-testid=save-search]')).toBe('検索を保存');
  });

  it('viewers see the dashboards but no editing, copying or saved searches', async () => {
    await f.signIn('viewer');
    await f.page.goto(`${f.url}/dashboards`);
    await f.page.waitForSelector('.dashboards-page');
    expect(await f.page.locator('[data-testid=new-dashboard]').count()).toBe(0);
    expect(await f.page.locator('[data-testid=dashboard-row]').count()).toBe(4);
    await f.page.goto(`${f.url}/overview`);
    await f.page.waitForSelector('[data-testid=dashboard-actions]');
    expect(await f.page.locator('[data-testid=copy-dashboard], [data-testid=edit-layout]').count()).toBe(0);
  });
});
