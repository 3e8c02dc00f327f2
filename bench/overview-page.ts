/** The Overview in a benchmark's Chromium: a new profile, signed in, and the wait until every panel has loaded. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../test/support/chromium.js';

/**
 * Put the browser and this process (the server, with its DuckDB threads) on CPUs of their own, as when the browser is
 * on the viewer's machine: this process is pinned to the last CPU and the returned path starts Chromium on the others
 * (`taskset`; the machine needs two CPUs or more).
 */
export function pinApart(): string {
  const cpus = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  if (cpus < 2) throw new Error('pinning the browser apart needs two CPUs or more');
  execFileSync('taskset', ['-a', '-p', '-c', String(cpus - 1), String(process.pid)], { stdio: 'ignore' });
  const wrapper = join(mkdtempSync(join(tmpdir(), 'mailsift-bench-pin-')), 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c 0-${cpus - 2} ${CHROMIUM} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/**
 * Chromium with a new profile, signed in to the server at `url` and left on a blank page; `close` removes it all.
 * `executablePath`: how to start it (pinApart).
 */
export async function signedInPage(
  url: string,
  username: string,
  password: string,
  executablePath?: string,
): Promise<{ page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mailsift-bench-chromium-'));
  const context = await launchChromium(profile, executablePath ? { executablePath } : {});
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

/**
 * Wait until the Overview's panels (ten or more) are all in the page, none of them loading, and every chart in them
 * drawn (its element has the chart's handle, set once the chart is drawn, by this build and by the builds before it).
 */
export async function everyPanelLoaded(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('section.panel')];
      const loaded =
        panels.length >= 10 && panels.every((p) => p.getAttribute('data-status') && p.getAttribute('data-status') !== 'loading');
      return loaded && [...document.querySelectorAll('.echart')].every((el) => 'mailsiftChart' in el);
    },
    undefined,
    { timeout: timeoutMs, polling: 10 },
  );
}
