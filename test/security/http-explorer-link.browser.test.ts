// A link to /explorer?q=...&run=1 must not run its query on page load: the Explorer shows the query and asks.
// The app's own "Open in Explorer" links still run at once. Real server, real Chromium.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { browserFixture, HAS_CHROMIUM, PASSWORD, reportSkip, waitForPanels, type BrowserFixture } from '../e2e/browser-fixture.js';

reportSkip('http-explorer-link.browser.test.ts');

const QUERY = 'MessageTrace\n| summarize Rows = count() by Status';

describe.skipIf(!HAS_CHROMIUM)('Explorer links from elsewhere', () => {
  let f: BrowserFixture;
  const queries: string[] = [];
  const seen = (r: Request) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/query') queries.push(r.postData() ?? '');
  };
  beforeAll(async () => {
    f = await browserFixture({ days: 2, perDay: 200 });
    f.page.on('request', seen);
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  const link = (run: string) => `${f.url}/explorer?range=7d&q=${encodeURIComponent(QUERY)}&run=${run}`;

  it('shows the query and asks before running it; "Don\'t run" runs nothing', async () => {
    await f.signIn('analyst');
    queries.length = 0;
    await f.page.goto(link('1'));
    await f.page.waitForSelector('[data-testid=link-run]');
    expect(await f.page.textContent('[data-testid=link-run]')).toContain('Run this query from a link?');
    expect(await f.page.textContent('[data-testid=link-run-query]')).toBe(QUERY);
    await f.page.waitForTimeout(1_000);
    expect(queries).toEqual([]);
    mkdirSync(join(tmpdir(), 'mailsift-screenshots'), { recursive: true });
    await f.page.screenshot({ path: join(tmpdir(), 'mailsift-screenshots', 'explorer-link-run.png') });
    await f.page.click('[data-testid=link-run-dismiss]');
    await f.page.waitForSelector('[data-testid=link-run]', { state: 'detached' });
    expect(new URL(f.page.url()).searchParams.get('run')).toBeNull();
    await f.page.waitForTimeout(500);
    expect(queries).toEqual([]);
    expect(await f.page.$('[data-testid=result-stats]')).toBeNull();
  });

  it('runs the query once confirmed', async () => {
    queries.length = 0;
    await f.page.goto(link('1'));
    await f.page.click('[data-testid=link-run-confirm]');
    await f.page.waitForSelector('[data-testid=result-stats]');
    expect(queries).toHaveLength(1);
    expect(JSON.parse(queries[0]!).query).toBe(QUERY);
    expect(await f.page.$('[data-testid=link-run]')).toBeNull();
  });

  it('asks for a guessed key, and after signing in from the link', async () => {
    queries.length = 0;
    await f.page.goto(link('0123456789abcdef01234567'));
    await f.page.waitForSelector('[data-testid=link-run]');
    await f.context.clearCookies();
    await f.page.goto('about:blank');
    await f.page.goto(link('1'));
    await f.page.waitForSelector('form.signin-card');
    await f.page.fill('input[name=username]', 'analyst');
    await f.page.fill('input[name=password]', PASSWORD);
    await f.page.click('button[type=submit]');
    await f.page.waitForSelector('[data-testid=link-run]');
    await f.page.waitForTimeout(1_000);
    expect(queries).toEqual([]);
    expect(f.dialogs).toEqual([]);
  });

  it("runs the app's own Open-in-Explorer links at once", async () => {
    await f.page.goto(`${f.url}/overview?range=7d`);
    await waitForPanels(f.page);
    queries.length = 0;
    await f.page.click('a.stat-value');
    await f.page.waitForSelector('[data-testid=result-stats]');
    expect(queries).toHaveLength(1);
    expect(await f.page.$('[data-testid=link-run]')).toBeNull();
  });
});
