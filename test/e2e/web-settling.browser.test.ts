// Time series in chromium: a day without mail is a 0 bar, and what is newer than the collector's complete-up-to
// time is drawn hatched with a note. The data comes from a real collector pass against a fake Microsoft tenant.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTrace, graphEntry, startHarness, type FakeTrace, type Harness } from '../../src/collect/testing/index.js';
import { configSchema } from '../../src/config/index.js';
import { startServer, UserDirectory, type RunningServer } from '../../src/server/index.js';
import { launchChromium } from '../support/chromium.js';
import { HAS_CHROMIUM, PASSWORD, reportSkip, waitForPanels } from './browser-fixture.js';

reportSkip('web-settling.browser.test.ts');

const ROOT = join(import.meta.dirname, '..', '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'mailsift-screenshots');
const HOUR = 3_600_000;
const DAY = 86_400_000;
const TOKYO = 9 * HOUR;
const LAG = 6 * HOUR;
/** The Tokyo day (0 today, -1 yesterday, ...) with no mail at all. */
const MISSING_DAY = -3;

const tokyoMidnight = (t: number, days = 0) => Math.floor((t + TOKYO) / DAY) * DAY - TOKYO + days * DAY;
const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' });
const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Tokyo' });

/** Mail every two hours of the last six Tokyo days and today, except on MISSING_DAY; some of it failed or quarantined. */
function traces(now: number): FakeTrace[] {
  const out: FakeTrace[] = [];
  let i = 0;
  for (let day = -6; day <= 0; day++) {
    if (day === MISSING_DAY) continue;
    for (let h = 1; h < 24; h += 2) {
      const at = tokyoMidnight(now, day) + h * HOUR + 7 * 60_000;
      if (at >= now) break;
      const status = i % 7 === 0 ? 'failed' : i % 5 === 0 ? 'quarantined' : 'delivered';
      out.push(fakeTrace(i++, at, { statuses: [{ at, status }] }));
    }
  }
  return out;
}

interface ChartOption {
  xAxis: { data: string[] }[];
  series: {
    id?: string;
    name: string;
    data: (number | { value: number; itemStyle?: { decal?: unknown; opacity?: number } })[];
    markArea?: { data: { xAxis: number }[][] };
  }[];
}

describe.skipIf(!HAS_CHROMIUM)('time series in chromium', () => {
  let h: Harness;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let now: number;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) execFileSync('npx', ['vite', 'build', 'web'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    now = Date.now();
    h = await startHarness(traces(now), { now });
    // One real pass: rows up to now minus the lag are stored, and the collector says so.
    const report = await h.run({ lag: '6h' });
    expect(report.ok, JSON.stringify(report.error)).toBe(true);
    expect(report.new).toBeGreaterThan(40);
    await new UserDirectory(h.store).addUser('viewer', 'viewer', PASSWORD);
    const config = configSchema.parse({
      organization: { name: 'Contoso', acceptedDomains: ['contoso.com'] },
      collectors: [graphEntry(h.fake, { lag: '6h' })],
    });
    server = await startServer({ config, store: h.store, logger: false, host: '127.0.0.1', port: 0, webRoot: WEB_ROOT });

    profile = mkdtempSync(join(tmpdir(), 'mailsift-chromium-'));
    context = await launchChromium(profile, { locale: 'en-US' });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    // Nothing but our server: the browser must not reach out anywhere else.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${server.url}/overview`);
    await page.waitForSelector('form.signin-card');
    await page.fill('input[name=username]', 'viewer');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app-header');
    // Before sign-in the app is told 401, as it should be.
    consoleErrors.length = 0;
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await h?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const chartOption = (panel: string) =>
    page.$eval(`[data-testid=panel-${panel}] .echart`, (el) => {
      const chart = (el as HTMLElement & { mailsiftChart: { getOption(): unknown } }).mailsiftChart;
      return JSON.parse(JSON.stringify(chart.getOption())) as unknown;
    }) as Promise<ChartOption>;
  const valueOf = (d: ChartOption['series'][number]['data'][number] | undefined) =>
    typeof d === 'object' && d !== null ? d.value : Number(d);

  it('draws a day without mail as 0 in every status, and hatches the part after the complete-up-to time with a note', async () => {
    await page.goto(`${server.url}/overview?range=7d`);
    await waitForPanels(page);
    const panel = page.locator('[data-testid=panel-status-per-day]');
    await panel.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid=panel-status-per-day] [data-testid=settling-note]');

    const option = await chartOption('status-per-day');
    const labels = option.xAxis[0]!.data;
    // Every day of the week is on the axis, the empty one included.
    const days = [-6, -5, -4, -3, -2, -1, 0].map((d) => dayLabel.format(tokyoMidnight(now, d)));
    expect(labels).toEqual(days);
    const statuses = option.series.filter((s) => s.id !== 'settling');
    expect(statuses.map((s) => s.name).sort()).toEqual(['Delivered', 'Failed', 'Quarantined']);
    const missing = labels.indexOf(dayLabel.format(tokyoMidnight(now, MISSING_DAY)));
    for (const s of statuses) {
      expect(s.data).toHaveLength(labels.length);
      expect(valueOf(s.data[missing]), `${s.name} on the day without mail`).toBe(0);
    }
    expect(valueOf(statuses.find((s) => s.name === 'Delivered')!.data[missing - 1])).toBeGreaterThan(0);

    // From the day holding now - 6 h on, bars are lighter and hatched, and the area behind them is shaded.
    const first = labels.indexOf(dayLabel.format(now - LAG));
    const last = labels.length - 1;
    expect(first).toBeGreaterThan(missing);
    const delivered = statuses.find((s) => s.name === 'Delivered')!;
    for (let i = 0; i <= last; i++) {
      if (i >= first)
        expect(delivered.data[i], labels[i]).toMatchObject({ itemStyle: { decal: expect.anything(), opacity: expect.any(Number) } });
      else expect(typeof delivered.data[i], labels[i]).toBe('number');
    }
    const settling = option.series.find((s) => s.id === 'settling');
    expect(settling?.markArea?.data).toEqual([[expect.objectContaining({ xAxis: first }), expect.objectContaining({ xAxis: last })]]);

    const note = page.locator('[data-testid=panel-status-per-day] [data-testid=settling-note]');
    expect(await note.isVisible()).toBe(true);
    const text = (await note.textContent())!.trim();
    expect(text).toMatch(/^After ([A-Z][a-z]{2} \d{1,2}, )?\d\d:\d\d JST the data is still arriving$/);
    expect(text).toContain(clock.format(now - LAG));
    expect(await note.getAttribute('title')).toContain(' UTC');
    // The top bar says how fresh the data is: six hours behind is lagging.
    const badge = page.locator('[data-testid=freshness]');
    const fresh = (await badge.textContent())!.trim();
    expect(fresh).toMatch(/^Complete up to ([A-Z][a-z]{2} \d{1,2}, )?\d\d:\d\d JST \(6 h ago\)$/);
    expect(fresh).toContain(`${clock.format(now - LAG)} JST`);
    expect(await badge.getAttribute('class')).toContain('freshness-lagging');
    expect(await badge.getAttribute('title')).toContain('m365: complete up to');
    await page.screenshot({ path: join(SHOTS, 'overview-settling.png'), fullPage: true });
  });

  it('shades the settling part of a line chart as well', async () => {
    await page.goto(`${server.url}/security?range=7d`);
    await waitForPanels(page);
    await page.locator('[data-testid=panel-failures-trend]').scrollIntoViewIfNeeded();
    const option = await chartOption('failures-trend');
    const labels = option.xAxis[0]!.data;
    expect(labels).toHaveLength(7);
    const failed = option.series.find((s) => s.name === 'Failed')!;
    expect(failed.data.map(valueOf)[labels.indexOf(dayLabel.format(tokyoMidnight(now, MISSING_DAY)))]).toBe(0);
    const settling = option.series.find((s) => s.id === 'settling');
    expect(settling?.markArea?.data[0]?.[0]).toMatchObject({ xAxis: labels.indexOf(dayLabel.format(now - LAG)) });
    expect(await page.isVisible('[data-testid=panel-failures-trend] [data-testid=settling-note]')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'security-settling.png'), fullPage: true });
  });

  it('draws every hour of a day (0 where there is none) and lightens the end of the sparklines', async () => {
    await page.goto(`${server.url}/overview?range=24h`);
    await waitForPanels(page);
    const option = await chartOption('size-per-day');
    const labels = option.xAxis[0]!.data;
    // Mail came every two hours (none after now - 6 h was collected): hours in between are zeros, not skipped.
    expect(labels.length).toBeGreaterThanOrEqual(23);
    const values = option.series.find((s) => s.id !== 'settling')!.data.map(valueOf);
    expect(values.filter((v) => v === 0).length).toBeGreaterThanOrEqual(10);
    expect(values.filter((v) => v > 0).length).toBeGreaterThanOrEqual(6);
    expect(await page.isVisible('[data-testid=panel-size-per-day] [data-testid=settling-note]')).toBe(true);
    expect(await page.locator('[data-testid=panel-delivered] .sparkline-settling').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
