/**
 * Browser scenarios: a real server on a demo tenant (plus hostile rows), driven by Debian's chromium through
 * playwright-core. When chromium is missing the scenarios are skipped, and say so loudly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { configSchema } from '../../src/config/index.js';
import { generateTenant } from '../../src/demo/index.js';
import { createEnricher } from '../../src/enrich/index.js';
import { loadRecords } from '../../src/ingest/index.js';
import type { TraceRow } from '../../src/schema/index.js';
import { startServer, UserDirectory, type RunningServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../support/chromium.js';

export { CHROMIUM, HAS_CHROMIUM };
const ROOT = join(import.meta.dirname, '..', '..');
const WEB_ROOT = join(ROOT, 'dist', 'web');

/** Say loudly why browser scenarios did not run (vitest shows skipped tests, this says why). */
export function reportSkip(file: string): void {
  if (HAS_CHROMIUM) return;
  const line = `SKIPPED browser scenarios in ${file}: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set MAILSIFT_CHROMIUM)`;
  process.stderr.write(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n\n`);
}

export const PASSWORD = 'browser-test-password';

/** Subjects and addresses that try to run script, break layouts or hide text. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
  js: 'javascript:alert(3)',
  rtl: 'invoice\u202Egnp.exe',
  long: 'A'.repeat(5_000) + '請求書'.repeat(1_666) + 'Z',
  formula: '=HYPERLINK("http://evil.example","x")',
  svg: '"><svg onload=alert(4)>',
};

/** Rows carrying the hostile strings, in the last day so every range shows them. */
export function hostileRows(now: number): TraceRow[] {
  const base = {
    Received: now - 3 * 3_600_000,
    RecipientAddress: 'victim@contoso.co.jp',
    Status: 'Quarantined' as const,
    FromIP: '203.0.113.66',
    ToIP: '',
    Size: 4096,
    Organization: 'contoso.onmicrosoft.com',
    Source: 'test',
    SenderDomain: 'evil.example',
    RecipientDomain: 'contoso.co.jp',
    Direction: 'Inbound' as const,
    FromCountry: 'KP',
    ToCountry: '',
    FromAsn: 64511,
    ToAsn: 0,
    FromAsOrg: '<b>AS</b>',
    ToAsOrg: '',
  };
  const subjects = Object.values(HOSTILE);
  const senders = [
    '<img src=x onerror=alert(5)>@evil.example',
    'javascript:alert(6)@evil.example',
    '\u202Eevil@evil.example',
    '=cmd|calc@evil.example',
  ];
  const rows: TraceRow[] = [];
  for (let i = 0; i < 40; i++) {
    rows.push({
      ...base,
      Received: base.Received + i * 60_000,
      Subject: subjects[i % subjects.length]!,
      SenderAddress: senders[i % senders.length]!,
      MessageId: `<hostile${i}@evil.example>`,
      MessageTraceId: `ffffffff-0000-0000-0000-${String(i).padStart(12, '0')}`,
      Status: (['Quarantined', 'FilteredAsSpam', 'Failed', 'Delivered'] as const)[i % 4]!,
    });
  }
  return rows;
}

/** A server with the demo tenant and hostile rows, and a chromium to drive. */
export interface BrowserFixture {
  url: string;
  store: Store;
  context: BrowserContext;
  page: Page;
  /** Script dialogs seen (alert/confirm/prompt): any is a failure. */
  dialogs: string[];
  /** Console errors seen (CSP violations show up there). */
  consoleErrors: string[];
  signIn(user: 'admin' | 'analyst' | 'viewer'): Promise<void>;
  close(): Promise<void>;
}

/** Build the web app when dist/web is missing (npm test builds it first; a lone vitest run may not have). */
function ensureWebBuilt(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', 'web'], { cwd: ROOT, stdio: 'inherit' });
}

/** Start everything. */
export async function browserFixture(
  options: {
    days?: number;
    perDay?: number;
    locale?: string;
    timezoneId?: string;
    timeZone?: string;
    /** Other top-level keys of mailsift.yaml (alerts, collectors, intel). */
    config?: Record<string, unknown>;
  } = {},
): Promise<BrowserFixture> {
  ensureWebBuilt();
  const store = await openStore('duckdb::memory:');
  const tenant = generateTenant({ seed: 7, days: options.days ?? 30, messagesPerDay: options.perDay ?? 1200 });
  const enricher = await createEnricher({ organization: tenant.organization });
  await loadRecords(store, tenant.batches(), (r) => enricher.enrich(r));
  await store.replaceIndicators('demo-intel', tenant.indicators);
  await store.upsertTraces(hostileRows(Date.now()));
  const users = new UserDirectory(store);
  for (const role of ['admin', 'analyst', 'viewer'] as const) await users.addUser(role, role, PASSWORD);
  const config = configSchema.parse({
    organization: { ...tenant.organization, ...(options.timeZone ? { timeZone: options.timeZone } : {}) },
    ...options.config,
  });
  const server: RunningServer = await startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot: WEB_ROOT });

  const profile = mkdtempSync(join(tmpdir(), 'mailsift-chromium-'));
  const context = await launchChromium(profile, {
    locale: options.locale ?? 'en-US',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  // Nothing but our server: the browser must not reach out anywhere else.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());

  const signIn = async (user: 'admin' | 'analyst' | 'viewer') => {
    // Leave the app first: its requests would answer 401 and send the page to sign-in mid-navigation.
    await page.goto('about:blank');
    await context.clearCookies();
    await page.goto(`${server.url}/overview`);
    await page.waitForSelector('form.signin-card');
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.app-header');
  };
  return {
    url: server.url,
    store,
    context,
    page,
    dialogs,
    consoleErrors,
    signIn,
    close: async () => {
      await context.close();
      await server.close();
      await store.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Wait until every panel on the page has finished loading (data, empty or error). */
export async function waitForPanels(page: Page): Promise<void> {
  await page.waitForSelector('section.panel[data-status]');
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('section.panel[data-status]')];
      const loaded = panels.length > 0 && panels.every((p) => p.getAttribute('data-status') !== 'loading');
      // ECharts comes with the first chart: a chart's element is there before it is drawn.
      return loaded && !document.querySelector('.echart:not([data-drawn])');
    },
    undefined,
    { timeout: 60_000 },
  );
  // Charts draw on the next frame.
  await page.waitForTimeout(300);
}
