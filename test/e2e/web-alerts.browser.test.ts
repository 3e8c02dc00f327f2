// Alert rules, destinations and collectors managed in Settings, in chromium: a destination (a local webhook) and a
// rule made in the form, "send a test alert now" received on the webhook; collector connection tests against the
// fake Microsoft, one passing and one failing; a failed collector red in the top bar with its error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../src/alerts/testing/http-receiver.js';
import { runCollectorsOnce } from '../../src/collect/index.js';
import { graphEntry, startHarness, type Harness } from '../../src/collect/testing/index.js';
import { browserFixture, HAS_CHROMIUM, reportSkip, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-alerts.browser.test.ts');

const TOKEN = 'hook-T0KEN-7f3a9c';

describe.skipIf(!HAS_CHROMIUM)('alerts and collectors in Settings, in chromium', () => {
  let f: BrowserFixture;
  let receiver: Receiver;
  let h: Harness;
  beforeAll(async () => {
    receiver = await startReceiver({ kind: 'webhook' });
    h = await startHarness([], { now: Date.now() });
    const broken = graphEntry(h.fake, { name: 'broken', clientSecret: 'wrong-secret-value-0' });
    f = await browserFixture({
      days: 2,
      perDay: 40,
      config: {
        collectors: [graphEntry(h.fake), broken],
        alerts: {
          destinations: [{ name: 'file-slack', type: 'slack', url: 'https://hooks.slack.example/services/T0/B0/filesecret' }],
          rules: [{ name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-slack'] }],
        },
      },
    });
    // One failed pass: the collector is red from then on, with its error.
    await runCollectorsOnce({ collectors: [broken], store: f.store, enrich: h.enrich, clock: h.clock });
  }, 180_000);
  afterAll(async () => {
    await f?.close();
    await receiver?.close();
    await h?.close();
  });

  it('an admin makes a destination and a rule, and a test alert reaches the webhook', async () => {
    const p = f.page;
    await f.signIn('admin');
    await p.goto(`${f.url}/settings`);
    await p.waitForSelector('[data-testid=alert-rules] tr[data-rule="file rule"]');
    // The file's rule is read-only: no edit or remove button.
    expect(await p.textContent('tr[data-rule="file rule"]')).toContain('mailsift.yaml (read-only)');
    expect(await p.$$('tr[data-rule="file rule"] button:has-text("Edit")')).toHaveLength(0);
    expect(await p.textContent('[data-testid=alert-settings]')).toContain('mailsift.yaml wins');
    expect(await p.textContent('tr[data-rule="volume spike"]')).toContain('built in');

    await p.click('button:has-text("New destination")');
    const dest = p.locator('[data-testid=destination-form]');
    await dest.locator('input[name=name]').fill('soc-hook');
    await dest.locator('input[name=url]').fill(`${receiver.url}/${TOKEN}`);
    // This destination's messages in Japanese, whatever organization.language says.
    await dest.locator('select[name=language]').selectOption('ja');
    expect(await dest.locator('input[name=useForBuiltIns]').isChecked()).toBe(true);
    await dest.locator('button[type=submit]').click();
    await p.waitForSelector('tr[data-destination="soc-hook"]');
    expect(await p.content()).not.toContain(TOKEN);
    expect(await p.textContent('tr[data-rule="volume spike"]')).toContain('soc-hook');

    await p.click('button:has-text("New rule")');
    const rule = p.locator('[data-testid=rule-form]');
    await rule.locator('input[name=name]').fill('spam watch');
    await rule.locator('input[name=kind]').nth(1).check();
    await rule.locator('textarea[name=query]').fill("MessageTrace | where Status == 'FilteredAsSpam' | summarize count_ = count()");
    await rule.locator('input[name=schedule]').fill('every now and then');
    await rule.locator('input[name=destination][value="soc-hook"]').check();
    await rule.locator('button[type=submit]').click();
    // Checked like the YAML: the reason names the key.
    await p.waitForSelector('[role=alert]:has-text("schedule")');
    await rule.locator('input[name=schedule]').fill('15m');
    await rule.locator('button[type=submit]').click();
    await p.waitForSelector('tr[data-rule="spam watch"]');

    await p.click('tr[data-rule="spam watch"] button:has-text("Send a test alert now")');
    await p.waitForSelector('[data-testid="test-rule:spam watch"] .test-ok');
    expect(await p.textContent('[data-testid="test-rule:spam watch"]')).toMatch(/soc-hook: delivered \(HTTP 200\)/);
    const got = receiver.accepted().at(-1)!;
    expect(got.path).toBe(new URL(`${receiver.url}/${TOKEN}`).pathname);
    expect(got.json).toMatchObject({ rule: 'spam watch', language: 'ja', title: '【中】spam watch （テスト）' });

    // Switched off, it stays listed as off.
    await p.click('tr[data-rule="spam watch"] button:has-text("Switch off")');
    await p.waitForSelector('tr[data-rule="spam watch"] button:has-text("Switch on")');
    expect(f.dialogs).toEqual([]);
  });

  it('tests collectors against the fake Microsoft: one works, one names its fault; the failing one is red in the top bar', async () => {
    const p = f.page;
    await p.click('tr[data-collector=m365] button:has-text("Test connection")');
    await p.waitForSelector('tr[data-collector=m365] [data-testid=connection-test] .test-ok');
    const steps = await p.$$eval('tr[data-collector=m365] [data-step]', (els) =>
      els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-ok')]),
    );
    expect(steps).toEqual([
      ['configuration', 'true'],
      ['token', 'true'],
      ['service-principal', 'true'],
      ['permission', 'true'],
      ['request', 'true'],
    ]);
    await p.click('tr[data-collector=broken] button:has-text("Test connection")');
    await p.waitForSelector('tr[data-collector=broken] [data-testid=connection-test] .test-failed');
    expect(await p.textContent('tr[data-collector=broken] [data-step=token]')).toMatch(/client secret is wrong/);
    expect(await p.getAttribute('tr[data-collector=broken]', 'class')).toContain('row-failed');
    expect(await p.textContent('tr[data-collector=broken] td:nth-child(2)')).toBe('Failing');
    expect(await p.content()).not.toContain('wrong-secret-value-0');

    await p.goto(`${f.url}/overview`);
    await p.waitForSelector('[data-testid=freshness].freshness-failing');
    const badge = await p.textContent('[data-testid=freshness]');
    expect(badge).toMatch(/Collector broken is failing: .*client secret is wrong/);
    expect(badge).not.toContain('first pass');
    // Long error text wraps inside the top bar instead of running off the page.
    const fits = await p.$eval('[data-testid=freshness]', (el) => el.getBoundingClientRect().right <= window.innerWidth);
    expect(fits).toBe(true);
    expect(f.dialogs).toEqual([]);
  });
});
