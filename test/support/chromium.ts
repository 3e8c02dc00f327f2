/** Debian's Chromium for browser tests and benchmarks, started so that it reaches nothing but our server. */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.MAILSIFT_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** A headless Chromium with a fresh profile in `profileDir`, a laptop-sized window and the Tokyo time zone. */
export function launchChromium(
  profileDir: string,
  options: {
    locale?: string;
    timezoneId?: string;
    viewport?: { width: number; height: number };
    acceptDownloads?: boolean;
    /** Another way to start CHROMIUM (a benchmark's wrapper that pins it to a CPU). */
    executablePath?: string;
  } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps trying to reach Google's hosts.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Tokyo',
    ...options,
  });
}
