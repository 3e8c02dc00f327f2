// Single sign-on attacks against the real server and a local fake of Entra ID: anonymous floods of started sign-ins,
// tampered transaction cookies, and a forged Host header steering the callback address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { buildApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { startFakeOidcProvider, type FakeOidcProvider } from '../e2e/fake-oidc-provider.js';
import { startLiveServer, type LiveServer } from './live-server.js';

const PUBLIC_URL = 'http://mailsift.test';
const REDIRECT = `${PUBLIC_URL}/api/auth/oidc/callback`;

describe('single sign-on under attack', () => {
  let idp: FakeOidcProvider;
  let s: LiveServer;
  beforeAll(async () => {
    idp = await startFakeOidcProvider(REDIRECT);
    s = await startLiveServer({
      server: {
        publicUrl: PUBLIC_URL,
        oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, roles: { analyst: ['Mailsift.Analyst'] } },
      },
    });
  });
  afterAll(async () => {
    await s.close();
    await idp.close();
  });

  /** The browser's part of a sign-in; `tamper` may change the transaction cookie before the callback. */
  async function signIn(tamper: (cookie: string) => string = (c) => c, headers: Record<string, string> = {}) {
    const start = await s.send('GET', '/api/auth/oidc/login?returnTo=/findings', { headers });
    expect(start.status).toBe(302);
    const cookie = start.cookie('mailsift_oidc')!;
    const atIdp = await fetch(start.headers.location as string, { redirect: 'manual' });
    const back = new URL(atIdp.headers.get('location')!);
    return s.send('GET', `/api/auth/oidc/callback${back.search}`, { cookie: `mailsift_oidc=${tamper(cookie)}` });
  }

  it('still signs users in after 1,000 anonymous sign-in starts (nothing is kept on the server for them)', async () => {
    idp.user = { sub: 'u1', preferred_username: 'alice@contoso.com', roles: ['Mailsift.Analyst'] };
    for (let batch = 0; batch < 20; batch++) {
      const starts = await Promise.all(Array.from({ length: 50 }, () => s.send('GET', '/api/auth/oidc/login')));
      expect(starts.every((r) => r.status === 302)).toBe(true);
    }
    const done = await signIn();
    expect(done.status).toBe(302);
    expect(done.headers.location).toBe('/findings');
    const session = done.cookie('mailsift_session');
    expect(session).toBeTruthy();
    expect((await s.send('GET', '/api/auth/me', { cookie: `mailsift_session=${session}` })).json()).toMatchObject({
      user: 'alice@contoso.com',
      role: 'analyst',
    });
  });

  it('keeps the started sign-in in a signed, HttpOnly, SameSite=Lax, short-lived cookie', async () => {
    const start = await s.send('GET', '/api/auth/oidc/login');
    const line = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('mailsift_oidc='))!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Max-Age=600/i);
    expect(line).toMatch(/Path=\/api\/auth\/oidc/);
  });

  it('refuses a transaction cookie whose content was changed (return path, verifier) or whose signature is forged', async () => {
    const edit = (cookie: string, change: (tx: Record<string, unknown>) => void) => {
      const [body, sig] = cookie.split('.');
      const parsed = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { v: Record<string, unknown>; e: number };
      change(parsed.v);
      return `${Buffer.from(JSON.stringify(parsed)).toString('base64url')}.${sig}`;
    };
    for (const tamper of [
      (c: string) => edit(c, (tx) => (tx.returnTo = 'https://evil.example/')),
      (c: string) => edit(c, (tx) => (tx.codeVerifier = 'x'.repeat(43))),
      (c: string) => c.replace(/\.[^.]+$/, '.' + Buffer.alloc(32).toString('base64url')),
      () => 'garbage',
    ]) {
      const res = await signIn(tamper);
      expect(res.headers.location).toBe('/signin?error=sso');
      expect(res.cookie('mailsift_session')).toBeUndefined();
    }
  });

  it('builds the redirect_uri from server.publicUrl, whatever Host the client sends', async () => {
    const start = await s.send('GET', '/api/auth/oidc/login', { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    expect(new URL(start.headers.location as string).searchParams.get('redirect_uri')).toBe(REDIRECT);
  });
});

describe('single sign-on configuration', () => {
  it('refuses to start with SSO but no server.publicUrl, saying what to set', async () => {
    const store = await openStore('duckdb::memory:');
    try {
      const config = configSchema.parse({ server: { oidc: { issuer: 'https://login.example/tenant/v2.0', clientId: 'x' } } });
      await expect(buildApp({ config, store, logger: false })).rejects.toThrow(
        /server\.publicUrl: single sign-on \(server\.oidc\) needs server\.publicUrl/,
      );
    } finally {
      await store.close();
    }
  });
});
