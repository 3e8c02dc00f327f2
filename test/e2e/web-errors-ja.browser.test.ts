// The newest error texts read in Japanese for a Japanese viewer (ja-JP, Asia/Tokyo) in a real Chromium: a search whose
// KQL is wrong (at its line and column), an alert rule's schedule the schema refuses (value-schema), why built-in rules
// do not run, a weak password with zxcvbn's feedback (weak-password) and a request the API refuses (request-too-long);
// no English sentence in any of them.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFixture, HAS_CHROMIUM, reportSkip, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-errors-ja.browser.test.ts');

// Three English words in a row: a sentence left in English (identifiers such as body.password are single words).
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe.skipIf(!HAS_CHROMIUM)('error texts in Japanese in the web app', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await browserFixture({
      days: 2,
      perDay: 40,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      timeZone: 'Asia/Tokyo',
      config: { alerts: { destinations: [{ name: 'soc', type: 'webhook', url: 'http://127.0.0.1:9/hook' }] } },
    });
    await f.signIn('admin');
  }, 180_000);
  afterAll(() => f?.close());

  /** The text of the `role` element that appears in `scope` once it holds `expected`, checked to be Japanese only. */
  async function japaneseAlert(scope: Locator, expected: RegExp, role = 'alert'): Promise<string> {
    const alert = scope.locator(`[role=${role}]`).filter({ hasText: expected });
    await alert.first().waitFor({ timeout: 30_000 });
    const text = (await alert.first().textContent())!.trim();
    expect(text).toMatch(JAPANESE);
    expect(text, text).not.toMatch(ENGLISH_SENTENCE);
    return text;
  }

  it('a search in the Explorer whose KQL does not compile, saved to be made an alert rule', async () => {
    const p = f.page;
    await p.goto(`${f.url}/explorer?range=7d`);
    await p.waitForSelector('.cm-content');
    await p.click('.cm-content');
    await p.keyboard.type('MessageTrace');
    await p.keyboard.press('Escape');
    await p.keyboard.press('Enter');
    await p.keyboard.type('| where NoSuchColumn == "Failed"');
    await p.keyboard.press('Escape');
    await p.click('[data-testid=save-search]');
    await p.fill('[data-testid=search-name]', '失敗の監視');
    await p.click('[data-testid=save-search-submit]');
    // The server checks the query before keeping it: its KQL error, at line 2 column 9, in Japanese.
    const kql = await japaneseAlert(p.locator('[data-testid=saved-searches]'), /NoSuchColumn/);
    expect(kql).toBe("2 行 9 列目: 不明な列 'NoSuchColumn' です");
  });

  it('an alert rule in Settings whose schedule is neither an interval nor a cron (value-schema)', async () => {
    const p = f.page;
    await p.goto(`${f.url}/settings`);
    await p.click('button:has-text("新しいルール")');
    const rule = p.locator('[data-testid=rule-form]');
    await rule.locator('input[name=name]').fill('迷惑メールの監視');
    await rule.locator('input[name=kind]').nth(1).check();
    await rule.locator('textarea[name=query]').fill('MessageTrace | where Status == "FilteredAsSpam"');
    await rule.locator('input[name=schedule]').fill('often');
    await rule.locator('input[name=destination][value="soc"]').check();
    await rule.locator('button[type=submit]').click();
    expect(await japaneseAlert(p.locator('body'), /often/)).toBe(
      "schedule: 'often' は間隔（30s、5m、1h、1d）でも cron 式（'*/10 * * * *'）でもありません。",
    );
  });

  it('names why the built-in rules do not run, and what they watch for, in Japanese', async () => {
    await f.page.goto(`${f.url}/settings`);
    const row = f.page.locator('tr[data-rule="volume spike"]');
    const text = (await row.textContent())!;
    expect(text).toContain('配信状態（迷惑メール、検疫、失敗）がその時間帯の通常の水準を大きく上回ったとき');
    expect(text).toContain('通知先を選ぶまでオフです');
    expect(text.replace('volume spike', '')).not.toMatch(ENGLISH_SENTENCE);
  });

  it("a weak password with zxcvbn's feedback, then a password longer than the API takes", async () => {
    const p = f.page;
    await p.goto(`${f.url}/settings`);
    const form = p.locator('form.inline-form').filter({ has: p.locator('input[type=password]') });
    await form.locator('input[autocomplete=off]').fill('tanaka');
    await form.locator('input[type=password]').fill('password1234');
    await form.locator('button[type=submit]').click();
    const weak = await japaneseAlert(p.locator('body'), /パスワード/);
    expect(weak).toMatch(/推測/);

    await form.locator('input[type=password]').fill('長いパスフレーズ'.repeat(150));
    await form.locator('button[type=submit]').click();
    expect(await japaneseAlert(p.locator('body'), /1024/)).toBe('body.password は 1024 文字（または要素）以下にしてください。');
    expect(f.dialogs).toEqual([]);
  });
});
