// API scenarios on a real server and DuckDB store: sign-in, roles, CSRF, rate limits, tokens, cookies, logs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { buildApp, createServerLogger, UserDirectory } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { PASSWORDS, serverFixture, traceRow, type ServerFixture } from './server-fixture.js';

const PUBLIC = [
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/auth/oidc/config',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
];

describe('server authentication and authorisation', () => {
  let f: ServerFixture;
  beforeAll(async () => {
    f = await serverFixture({ rows: [traceRow(1), traceRow(2)] });
  });
  afterAll(() => f.close());

  it('answers /api/health without sign-in', async () => {
    const res = await f.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', store: 'duckdb: ok' });
    expect(res.json().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('tells a signed-in user the version and the GeoIP data with its attribution', async () => {
    expect((await f.app.inject({ url: '/api/about' })).statusCode).toBe(401);
    const res = await f.as(await f.login('viewer'), 'GET', '/api/about');
    expect(res.statusCode).toBe(200);
    expect(res.json().geoip.attribution).toMatch(/DB-IP/);
    expect(res.json().geoip.sources.length).toBeGreaterThan(0);
  });

  it('answers 401 on every other API route when signed out', async () => {
    const api = f.app.mailsiftRoutes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(15);
    const publicOnes = api.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.sort()).toEqual([...PUBLIC].sort());
    for (const r of api) {
      if (r.access === 'public') continue;
      const url = r.url.replace(/:(\w+)/g, 'x');
      const res = await f.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    }
    expect((await f.app.inject({ url: '/api/no-such-route' })).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'POST', url: '/api/query', payload: { query: 'MessageTrace' } })).statusCode).toBe(401);
  });

  it('serves the web app itself to anyone (it shows the sign-in page)', async () => {
    for (const url of ['/', '/overview', '/explorer?q=x']) {
      const res = await f.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('gives each role what it may do, and no more', async () => {
    const viewer = await f.login('viewer');
    const analyst = await f.login('analyst');
    const admin = await f.login('admin');
    const query = { query: 'MessageTrace | count' };
    expect((await f.as(viewer, 'GET', '/api/dashboards')).statusCode).toBe(200);
    expect((await f.as(viewer, 'POST', '/api/dashboards/overview/panels/delivered/run', {})).statusCode).toBe(200);
    expect((await f.as(viewer, 'POST', '/api/query', query)).statusCode).toBe(403);
    expect((await f.as(viewer, 'GET', '/api/export?query=MessageTrace')).statusCode).toBe(403);
    expect((await f.as(viewer, 'PATCH', '/api/findings/x', { state: 'closed' })).statusCode).toBe(403);
    expect((await f.as(analyst, 'POST', '/api/query', query)).statusCode).toBe(200);
    expect((await f.as(analyst, 'GET', '/api/export?query=MessageTrace')).statusCode).toBe(200);
    expect((await f.as(analyst, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await f.as(analyst, 'GET', '/api/settings')).statusCode).toBe(403);
    expect((await f.as(admin, 'GET', '/api/users')).statusCode).toBe(200);
    expect((await f.as(admin, 'POST', '/api/query', query)).statusCode).toBe(200);
    const forbidden = await f.as(viewer, 'POST', '/api/query', query);
    expect(forbidden.json().error).toEqual({
      code: 'FORBIDDEN',
      message: 'this needs the analyst role; you are viewer',
      reason: 'role-needed',
      params: { access: 'analyst', role: 'viewer' },
    });
  });

  it('refuses state-changing calls without the CSRF token or from another origin', async () => {
    const analyst = await f.login('analyst');
    const body = { query: 'MessageTrace | count' };
    const post = (headers: Record<string, string>) =>
      f.app.inject({ method: 'POST', url: '/api/query', headers: { cookie: analyst.cookie, ...headers }, payload: body });
    const noToken = await post({});
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    expect((await post({ 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': analyst.csrf, origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': analyst.csrf, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': analyst.csrf, origin: 'null' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': analyst.csrf, origin: 'http://localhost' })).statusCode).toBe(200);
    // Another session's token does not do.
    const other = await f.login('analyst');
    expect((await post({ 'x-csrf-token': other.csrf })).statusCode).toBe(403);
    // Sign-in itself: no cross-origin logins, and no form posts (JSON only, which needs a CORS preflight).
    const evil = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'analyst', password: PASSWORDS.analyst },
    });
    expect(evil.statusCode).toBe(403);
    const form = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=analyst&password=x',
    });
    expect(form.statusCode).toBe(415);
  });

  it('sets an HttpOnly SameSite=Strict cookie, Secure behind TLS, and ends the session at sign-out', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: PASSWORDS.viewer } });
    const c = res.cookies.find((x) => x.name === 'mailsift_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(c.secure).toBeFalsy();
    const tls = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'viewer', password: PASSWORDS.viewer },
    });
    expect(tls.cookies.find((x) => x.name === 'mailsift_session')!.secure).toBe(true);
    expect(tls.headers['strict-transport-security']).toBeDefined();

    const browser = { cookie: `mailsift_session=${c.value}`, csrf: res.json().csrf as string };
    expect((await f.as(browser, 'GET', '/api/auth/me')).json()).toMatchObject({ user: 'viewer', role: 'viewer', via: 'session' });
    expect((await f.as(browser, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await f.as(browser, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('says the same for a wrong password and an unknown user', async () => {
    const wrong = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'not-the-password' },
    });
    const unknown = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('applies a removed user or a changed role at once', async () => {
    await f.users.addUser('temp', 'analyst', 'temporary-password');
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'temp', password: 'temporary-password' },
    });
    const browser = { cookie: `mailsift_session=${res.cookies.find((x) => x.name === 'mailsift_session')!.value}`, csrf: res.json().csrf };
    expect((await f.as(browser, 'POST', '/api/query', { query: 'MessageTrace | count' })).statusCode).toBe(200);
    await f.users.addUser('temp', 'viewer', 'temporary-password', { replace: true });
    // A role change ends the session; signed in again, the new role applies.
    expect((await f.as(browser, 'POST', '/api/query', { query: 'MessageTrace | count' })).statusCode).toBe(401);
    const again = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'temp', password: 'temporary-password' },
    });
    const viewer = {
      cookie: `mailsift_session=${again.cookies.find((x) => x.name === 'mailsift_session')!.value}`,
      csrf: again.json().csrf,
    };
    expect((await f.as(viewer, 'POST', '/api/query', { query: 'MessageTrace | count' })).statusCode).toBe(403);
    const admin = await f.login('admin');
    expect((await f.as(admin, 'DELETE', '/api/users/temp')).statusCode).toBe(200);
    expect((await f.as(viewer, 'GET', '/api/dashboards')).statusCode).toBe(401);
  });

  it('accepts API tokens as Bearer, with their role, until revoked', async () => {
    const admin = await f.login('admin');
    const created = await f.as(admin, 'POST', '/api/tokens', { name: 'siem', role: 'analyst' });
    expect(created.statusCode).toBe(200);
    const token = created.json().token as string;
    expect(token).toMatch(/^mst_/);
    const bearer = (method: 'GET' | 'POST', url: string, payload?: object) =>
      f.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    // No CSRF token needed: a bearer token is not sent by browsers on their own.
    expect((await bearer('POST', '/api/query', { query: 'MessageTrace | count' })).json().rows).toEqual([[2]]);
    expect((await bearer('GET', '/api/users')).statusCode).toBe(403);
    expect((await f.as(admin, 'GET', '/api/tokens')).json()).toEqual([expect.objectContaining({ name: 'siem', role: 'analyst' })]);
    expect(JSON.stringify((await f.as(admin, 'GET', '/api/tokens')).json())).not.toContain(token);
    expect((await f.as(admin, 'DELETE', '/api/tokens/siem')).statusCode).toBe(200);
    expect((await bearer('GET', '/api/dashboards')).statusCode).toBe(401);
    expect((await f.app.inject({ url: '/api/health', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });

  it('sends security headers: a CSP without inline scripts, no framing, no sniffing', async () => {
    for (const url of ['/', '/api/health']) {
      const h = (await f.app.inject({ url })).headers;
      const csp = String(h['content-security-policy']);
      const script = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(script.trim()).toBe("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('DENY');
    }
    expect((await f.app.inject({ url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });

  it('never shows stack traces or engine messages to clients', async () => {
    const analyst = await f.login('analyst');
    const res = await f.as(analyst, 'POST', '/api/query', { query: 'MessageTrace | where Subject matches regex "("' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'STORE_QUERY', message: 'the store could not run this query' } });
    const bad = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at \w+ \(|node_modules/);
  });
});

describe('sign-in rate limits', () => {
  it('stops guessing per user and per address, even with the right password', async () => {
    const f = await serverFixture({ server: { login: { maxFailuresPerUser: 3, maxFailuresPerIp: 6, windowMinutes: 15 } } });
    try {
      const attempt = (username: string, password: string, ip = '127.0.0.1') =>
        f.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });
      for (let i = 0; i < 3; i++) expect((await attempt('analyst', 'guess-' + i)).statusCode).toBe(401);
      const limited = await attempt('analyst', PASSWORDS.analyst);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another user from another address is not affected by that.
      expect((await attempt('viewer', PASSWORDS.viewer, '127.0.0.2')).statusCode).toBe(200);
      // One address guessing across users.
      for (let i = 0; i < 6; i++) await attempt(`user${i}`, 'guess', '127.0.0.3');
      expect((await attempt('admin', PASSWORDS.admin, '127.0.0.3')).statusCode).toBe(429);
      expect((await attempt('admin', PASSWORDS.admin, '127.0.0.4')).statusCode).toBe(200);
    } finally {
      await f.close();
    }
  });
});

describe('server logs', () => {
  it('never contain passwords, cookies, CSRF tokens or bearer tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = await openStore('duckdb::memory:');
    const users = new UserDirectory(store);
    await users.addUser('admin', 'admin', PASSWORDS.admin);
    const { token } = await users.createToken('ci', 'viewer');
    const app = await buildApp({
      config: configSchema.parse({}),
      store,
      logger: createServerLogger({ level: 'debug', destination: sink }),
    });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORDS.admin } });
      const cookie = login.cookies.find((c) => c.name === 'mailsift_session')!.value;
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password-xyz' } });
      await app.inject({ url: '/api/auth/me', headers: { cookie: `mailsift_session=${cookie}`, 'x-csrf-token': login.json().csrf } });
      await app.inject({ url: '/api/dashboards', headers: { authorization: `Bearer ${token}` } });
      await app.inject({ url: '/api/auth/oidc/callback?code=SECRETCODE&state=abc' });
      const text = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      for (const secret of [PASSWORDS.admin, 'wrong-password-xyz', cookie, login.json().csrf, token, 'SECRETCODE'])
        expect(text).not.toContain(secret);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
