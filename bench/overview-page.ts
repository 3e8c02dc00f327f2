/** The Overview in a benchmark's Chromium: a new profile, signed in, and the wait until every panel has loaded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.js';

/** Chromium with a new profile, signed in to the server at `url` and left on a blank page; `close` removes it all. */
export async function signedInPage(url: string, username: string, password: string): Promise<{ page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mailsift-bench-chromium-'));
  const context = await launchChromium(profile);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/overview`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app-header');
    await page.goto('about:blank');
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Wait until the Overview's panels (ten or more) are all in the page, none of them loading. */
export async function everyPanelLoaded(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('section.panel')];
      return panels.length >= 10 && panels.every((p) => p.getAttribute('data-status') && p.getAttribute('data-status') !== 'loading');
    },
    undefined,
    { timeout: timeoutMs, polling: 10 },
  );
}
