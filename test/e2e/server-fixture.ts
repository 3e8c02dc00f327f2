/** A real server on a real in-memory DuckDB store, with users of each role, for API scenarios. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { configSchema } from '../../src/config/index.js';
import type { TraceRow } from '../../src/schema/index.js';
import { buildApp, UserDirectory } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';

export const PASSWORDS = { admin: 'admin-password-1', analyst: 'analyst-password-1', viewer: 'viewer-password-1' } as const;

/** A signed-in browser: its cookie header and CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
}

/** A MessageTrace row with defaults; `n` varies ids and time. */
export function traceRow(n: number, over: Partial<TraceRow> = {}): TraceRow {
  return {
    Received: Date.UTC(2026, 10, 1, 9, 0, 0) + n * 60_000,
    SenderAddress: `sender${n % 5}@contoso.com`,
    RecipientAddress: `user${n}@fabrikam.co.jp`,
    Subject: `Quarterly report ${n}`,
    Status: 'Delivered',
    FromIP: '203.0.113.10',
    ToIP: '',
    Size: 1000 + n,
    MessageId: `<m${n}@contoso.com>`,
    MessageTraceId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    Organization: 'fabrikam.onmicrosoft.com',
    Source: 'test',
    SenderDomain: 'contoso.com',
    RecipientDomain: 'fabrikam.co.jp',
    Direction: 'Inbound',
    FromCountry: 'US',
    ToCountry: '',
    FromAsn: 64500,
    ToAsn: 0,
    FromAsOrg: 'Example AS',
    ToAsOrg: '',
    ...over,
  };
}

/** The server and helpers of one test file. */
export interface ServerFixture {
  app: FastifyInstance;
  store: Store;
  users: UserDirectory;
  login(user: keyof typeof PASSWORDS): Promise<Browser>;
  /** A request as a signed-in browser would send it (cookie, CSRF header, same Origin). */
  as(browser: Browser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Build a server; `server` overrides keys of the server block of mailsift.yaml. */
export async function serverFixture(
  options: {
    server?: Record<string, unknown>;
    organization?: Record<string, unknown>;
    rows?: TraceRow[];
    webRoot?: string;
    dashboardDir?: string;
    /** Other top-level keys of mailsift.yaml (alerts, collectors, intel). */
    config?: Record<string, unknown>;
    logger?: Logger;
    /** The store to serve (default: a new in-memory DuckDB store); the fixture closes it. */
    store?: Store;
  } = {},
): Promise<ServerFixture> {
  const store = options.store ?? (await openStore('duckdb::memory:'));
  if (options.rows?.length) await store.upsertTraces(options.rows);
  const config = configSchema.parse({
    organization: { name: 'Fabrikam', acceptedDomains: ['fabrikam.co.jp'], ...options.organization },
    server: { ...options.server },
    ...options.config,
  });
  const webRoot = options.webRoot ?? mkdtempSync(join(tmpdir(), 'mailsift-web-'));
  if (!options.webRoot)
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><title>mailsift</title><script type="module" src="/assets/app.js"></script>',
    );
  const app = await buildApp({ config, store, logger: options.logger ?? false, webRoot, dashboardDir: options.dashboardDir });
  const users = new UserDirectory(store);
  for (const role of ['admin', 'analyst', 'viewer'] as const) await users.addUser(role, role, PASSWORDS[role]);

  const login = async (user: keyof typeof PASSWORDS): Promise<Browser> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: PASSWORDS[user] } });
    if (res.statusCode !== 200) throw new Error(`login ${user} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'mailsift_session')!;
    return { cookie: `mailsift_session=${cookie.value}`, csrf: (res.json() as { csrf: string }).csrf };
  };
  const as: ServerFixture['as'] = (browser, method, url, body) =>
    app.inject({
      method,
      url,
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf, origin: 'http://localhost', host: 'localhost:80' },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    app,
    store,
    users,
    login,
    as,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
