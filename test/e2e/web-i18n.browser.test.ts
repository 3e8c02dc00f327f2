// The web app in Japanese (ja-JP, Asia/Tokyo) and English (en-US, America/New_York) on one server: the same numbers,
// labelled in each viewer's language and zone; the choice remembered per user; the wall display on one 1920x1080
// screen; every page usable on a 390 px phone.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFindings } from '../../src/detect/findings-store.js';
import { statusLabel } from '../../src/schema/index.js';
import { launchChromium } from '../support/chromium.js';
import { browserFixture, HAS_CHROMIUM, PASSWORD, reportSkip, waitForPanels, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-i18n.browser.test.ts');

const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : join(tmpdir(), 'mailsift-screenshots');
const PAGES = ['/overview', '/message-monitoring', '/security', '/findings', '/explorer', '/threat-intel', '/settings'];

describe.skipIf(!HAS_CHROMIUM)('the web app in Japanese and English', () => {
  let f: BrowserFixture;
  let english: { context: BrowserContext; page: Page; profile: string };
  // One fixed week, so both viewers ask for the same rows.
  const to = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const week = `range=custom&from=${new Date(to - 7 * 86_400_000).toISOString()}&to=${new Date(to).toISOString()}`;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    f = await browserFixture({ days: 14, perDay: 600, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', timeZone: 'Asia/Tokyo' });
    const profile = mkdtempSync(join(tmpdir(), 'mailsift-chromium-en-'));
    const context = await launchChromium(profile, { locale: 'en-US', timezoneId: 'America/New_York' });
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    english = { context, page: context.pages()[0] ?? (await context.newPage()), profile };
  }, 180_000);
  afterAll(async () => {
    await english?.context.close();
    if (english) rmSync(english.profile, { recursive: true, force: true });
    await f?.close();
  });

  async function signIn(page: Page, user: string) {
    await page.goto(`${f.url}/overview`);
    await page.waitForSelector('form.signin-card');
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app-header');
  }

  /** Stat values, the zone label, the dashboard title and the language of the page. */
  async function overview(page: Page) {
    await page.goto(`${f.url}/overview?${week}`);
    await waitForPanels(page);
    return page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.querySelector('h1.page-title')?.textContent ?? '',
      nav: [...document.querySelectorAll('#main-nav a')].map((a) => a.textContent),
      zone: document.querySelector('[data-testid=zone]')?.textContent ?? '',
      range: document.querySelector('[data-testid=range-text]')?.textContent ?? '',
      stats: Object.fromEntries(
        [...document.querySelectorAll('section.panel')]
          .filter((p) => p.querySelector('.stat-value'))
          .map((p) => [p.getAttribute('data-testid'), p.querySelector('.stat-value')!.textContent]),
      ),
      delivered: document.querySelector('[data-testid=panel-delivered] .panel-title')?.textContent ?? '',
    }));
  }

  it.skipIf(process.env.ONLY_WALL)(
    'shows the same numbers, in Japanese and JST for one viewer and in English and EST for the other',
    async () => {
      await f.page.goto(`${f.url}/overview`);
      await f.page.waitForSelector('form.signin-card');
      expect(await f.page.evaluate(() => document.documentElement.lang)).toBe('ja');
      expect(await f.page.textContent('.signin-card h1')).toContain('サインイン');
      await signIn(f.page, 'analyst');
      await signIn(english.page, 'viewer');

      const ja = await overview(f.page);
      const en = await overview(english.page);
      expect(ja.lang).toBe('ja');
      expect(en.lang).toBe('en');
      expect(ja.title).toBe('概要');
      expect(en.title).toBe('Overview');
      expect(ja.nav.slice(0, 3)).toEqual(['概要', 'メッセージ監視', 'セキュリティ']);
      expect(ja.delivered).toBe('配信済み');
      expect(en.delivered).toBe('Delivered');
      expect(ja.zone).toBe('時刻は JST');
      expect(en.zone).toMatch(/^Times in E[SD]T$/);
      expect(ja.range).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:00 JST – \d{4}年\d{1,2}月\d{1,2}日 \d\d:00 JST$/);
      expect(en.range).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:00 E[SD]T – /);
      expect(Object.keys(ja.stats).length).toBeGreaterThanOrEqual(4);
      expect(ja.stats).toEqual(en.stats);
      // The status legend and chart axis speak the viewer's language.
      const legend = await f.page.evaluate(() => document.querySelector('[data-testid=panel-status-per-day]')?.textContent ?? '');
      expect(legend).toContain('配信済み');
      await f.page.screenshot({ path: join(SHOTS, 'overview-ja.png'), fullPage: true });
      await english.page.screenshot({ path: join(SHOTS, 'overview-en-new-york.png'), fullPage: true });
    },
  );

  it('exports a panel in the viewer zone: a Tokyo day reads as its local midnight', async () => {
    const res = await f.page.evaluate(async (range) => {
      const r = await fetch(`/api/dashboards/overview/panels/status-per-day/export?${range}&timeZone=Asia/Tokyo`);
      return { zone: r.headers.get('x-mailsift-time-zone'), body: await r.text() };
    }, week);
    expect(res.zone).toBe('Asia/Tokyo');
    const times = res.body
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\+09:00$/);
  });

  it.skipIf(process.env.ONLY_WALL)("marks a spike on the Security trend with the finding's title in each viewer's language", async () => {
    const at = new Date(to - 2 * 86_400_000).toISOString();
    await saveFindings(
      f.store,
      [
        {
          id: 'spike-ja-test',
          rule: 'status-spike',
          severity: 'high',
          title: 'FilteredAsSpam 9.8x above its usual level',
          from: at,
          to: at,
          count: 120,
          entities: { sender: '', senderDomain: '', recipient: '', ip: '', country: '', status: 'FilteredAsSpam', subject: '' },
          query: 'MessageTrace | where Status == "FilteredAsSpam"',
          details: { titles: { ja: `${statusLabel('FilteredAsSpam', 'ja')} が通常の 9.8 倍に増加` } },
        },
      ],
      Date.now(),
    );
    const marks = async (page: Page, user: string) => {
      await page.goto(`${f.url}/overview`);
      await page.waitForSelector('form.signin-card, .app-header');
      if (await page.$('form.signin-card')) await signIn(page, user);
      await page.goto(`${f.url}/security?${week}`);
      await waitForPanels(page);
      const link = page.locator('[data-testid=panel-quarantine-spam-trend] [data-testid=chart-marks] a[href$="spike-ja-test"]');
      await link.waitFor();
      return link.textContent();
    };
    expect(await marks(f.page, 'analyst')).toBe('迷惑メール判定 が通常の 9.8 倍に増加');
    expect(await marks(english.page, 'viewer')).toBe('FilteredAsSpam 9.8x above its usual level');
  });

  it.skipIf(process.env.ONLY_WALL)('switches the language and zone per user, remembers them, and sets <html lang>', async () => {
    await f.page.goto(`${f.url}/overview?${week}`);
    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=language-select]', 'en');
    await f.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await f.page.textContent('h1.page-title')).toBe('Overview');
    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=zone-select]', 'UTC');
    await f.page.waitForFunction(() => document.querySelector('[data-testid=zone]')?.textContent === 'Times in UTC');
    // Another browser of the same user (fresh profile, Japanese browser) gets the saved choice.
    const profile = mkdtempSync(join(tmpdir(), 'mailsift-chromium-2-'));
    const other = await launchChromium(profile, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    try {
      await other.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const page = other.pages()[0] ?? (await other.newPage());
      await signIn(page, 'analyst');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.waitForFunction(() => document.querySelector('[data-testid=zone]')?.textContent === 'Times in UTC');
    } finally {
      await other.close();
      rmSync(profile, { recursive: true, force: true });
    }
    // Back to following the browser.
    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=language-select]', '');
    await f.page.waitForFunction(() => document.documentElement.lang === 'ja');
    await f.page.click('[data-testid=display-settings] summary');
    await f.page.selectOption('[data-testid=zone-select]', '');
    await f.page.waitForFunction(() => document.querySelector('[data-testid=zone]')?.textContent === '時刻は JST');
  });

  it.skipIf(process.env.ONLY_WALL)(
    'tells each viewer a mistake in the query in their language at the same line and column, and other errors by their reason',
    async () => {
      const shown = async (page: Page) => {
        await page.goto(`${f.url}/explorer?${week}`);
        await page.waitForSelector('.cm-content');
        await page.click('.cm-content');
        // Escape closes the completion list, so Enter starts a new line instead of taking a suggestion.
        await page.keyboard.type('MessageTrace');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
        await page.keyboard.type('| where Status = "Failed"');
        await page.keyboard.press('Control+Enter');
        await page.waitForSelector('[data-testid=query-error]');
        await page.waitForSelector('.cm-lintRange-error');
        // The underline's hover text is the same message.
        await page.hover('.cm-lintRange-error');
        await page.waitForSelector('.cm-tooltip-lint');
        return { error: await page.textContent('[data-testid=query-error]'), tooltip: await page.textContent('.cm-tooltip-lint') };
      };
      await f.signIn('admin');
      const ja = await shown(f.page);
      expect(ja.error).toBe("2 行 16 列目: 比較には == を使ってください（'=' は extend や project で列に名前を付けます）");
      expect(ja.tooltip).toContain('比較には == を使ってください');
      await f.page.screenshot({ path: join(SHOTS, 'explorer-error-ja.png') });
      // Other errors by their reason: a dashboard that is not there.
      await f.page.goto(`${f.url}/dashboards/no-such-board`);
      await f.page.waitForSelector('main [role=alert]');
      expect(await f.page.textContent('main [role=alert]')).toBe('ダッシュボード no-such-board はありません。');
      // The English viewer signs in afresh as an analyst (viewers run no free queries).
      await english.page.goto('about:blank');
      await english.context.clearCookies();
      await signIn(english.page, 'analyst');
      const en = await shown(english.page);
      expect(en.error).toBe("line 2, column 16: use == to compare ('=' names a column in extend and project)");
      expect(en.tooltip).toContain('use == to compare');
    },
  );

  it('fits the Overview and Security dashboards on one 1920x1080 wall display with no menu', async () => {
    await f.signIn('analyst');
    await f.page.setViewportSize({ width: 1920, height: 1080 });
    try {
      for (const d of ['overview', 'security']) {
        await f.page.goto(`${f.url}/${d}?${week}&wall=1`);
        await waitForPanels(f.page);
        const fit = await f.page.evaluate(() => ({
          menu: !!document.querySelector('#main-nav')?.checkVisibility(),
          height: document.documentElement.scrollHeight,
          width: document.documentElement.scrollWidth,
        }));
        await f.page.screenshot({ path: join(SHOTS, `wall-${d}-ja.png`), fullPage: true });
        expect(fit, d).toEqual({ menu: false, height: 1080, width: 1920 });
      }
    } finally {
      await f.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it.skipIf(process.env.ONLY_WALL)('works on a 390 px phone: the navigation names the page, nothing scrolls sideways', async () => {
    await f.page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of PAGES) {
        await f.signIn('admin');
        await f.page.goto(`${f.url}${path}?${week}`);
        if (path !== '/findings' && path !== '/explorer' && path !== '/settings') await waitForPanels(f.page);
        else await f.page.waitForTimeout(1500);
        const shown = await f.page.evaluate(() => ({
          toggle: document.querySelector('[data-testid=nav-toggle]')?.textContent ?? '',
          toggleVisible: !!document.querySelector('[data-testid=nav-toggle]')?.checkVisibility(),
          current: document.querySelector('#main-nav a[aria-current=page]')?.textContent ?? '',
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        }));
        expect(shown.toggleVisible, path).toBe(true);
        expect(shown.toggle, path).toContain(shown.current);
        expect(shown.current, path).not.toBe('');
        expect(shown.overflow, path).toBe(0);
        if (path === '/overview' || path === '/security')
          await f.page.screenshot({ path: join(SHOTS, `phone${path.replace('/', '-')}-ja.png`), fullPage: true });
      }
      // The menu opens and leads to another page.
      await f.page.click('[data-testid=nav-toggle]');
      await f.page.click('#main-nav a[href="/findings"]');
      await f.page.waitForFunction(() => document.querySelector('[data-testid=nav-toggle]')?.textContent?.includes('検出結果'));
    } finally {
      await f.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
