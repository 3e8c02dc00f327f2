// Single sign-on against a local fake of Microsoft Entra ID: the code flow with PKCE, and the ways it must fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, type ServerFixture } from './server-fixture.js';
import { startFakeOidcProvider, type FakeOidcProvider } from './fake-oidc-provider.js';

const PUBLIC_URL = 'http://mailsift.test';
const REDIRECT = `${PUBLIC_URL}/api/auth/oidc/callback`;

describe('single sign-on with OpenID Connect', () => {
  let idp: FakeOidcProvider;
  let f: ServerFixture;

  beforeAll(async () => {
    idp = await startFakeOidcProvider(REDIRECT);
    f = await serverFixture({
      server: {
        publicUrl: PUBLIC_URL,
        oidc: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          roles: { admin: ['Mailsift.Admin'], analyst: ['Mailsift.Analyst'], viewer: ['Mailsift.Viewer'] },
        },
      },
    });
  });
  afterAll(async () => {
    await f.close();
    await idp.close();
  });

  /** Run the browser's part of the flow; returns the callback answer. */
  async function signIn(options: { tamperState?: boolean; dropCookie?: boolean; replay?: boolean } = {}) {
    const start = await f.app.inject({ url: '/api/auth/oidc/login?returnTo=/explorer%3Fq%3D1' });
    expect(start.statusCode).toBe(302);
    const stateCookie = start.cookies.find((c) => c.name === 'mailsift_oidc')!;
    expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    const atIdp = await fetch(authorize, { redirect: 'manual' });
    expect(atIdp.status).toBe(302);
    const back = new URL(atIdp.headers.get('location')!);
    if (options.tamperState) back.searchParams.set('state', 'forged-state');
    const cookie = options.dropCookie ? undefined : `mailsift_oidc=${stateCookie.value}`;
    const callback = () => f.app.inject({ url: `/api/auth/oidc/callback${back.search}`, headers: cookie ? { cookie } : {} });
    const first = await callback();
    return options.replay ? callback() : first;
  }

  const sessionOf = (res: Awaited<ReturnType<typeof signIn>>) => res.cookies.find((c) => c.name === 'mailsift_session');

  it('says on the sign-in page that SSO is there', async () => {
    expect((await f.app.inject({ url: '/api/auth/oidc/config' })).json()).toEqual({ enabled: true, label: 'Microsoft Entra ID' });
  });

  it('signs a user in with the role their app roles grant, then sends them where they were going', async () => {
    idp.fault = 'none';
    idp.user = { sub: 'u1', preferred_username: 'alice@contoso.com', roles: ['Mailsift.Analyst', 'Something.Else'] };
    const res = await signIn();
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/explorer?q=1');
    const session = sessionOf(res)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await f.app.inject({ url: '/api/auth/me', headers: { cookie: `mailsift_session=${session.value}` } });
    expect(me.json()).toMatchObject({ user: 'alice@contoso.com', role: 'analyst', via: 'session' });
  });

  it('gives the highest role that matches', async () => {
    idp.fault = 'none';
    idp.user = { sub: 'u2', preferred_username: 'bob@contoso.com', roles: ['Mailsift.Viewer', 'Mailsift.Admin'] };
    const session = sessionOf(await signIn())!;
    const me = await f.app.inject({ url: '/api/auth/me', headers: { cookie: `mailsift_session=${session.value}` } });
    expect(me.json().role).toBe('admin');
  });

  it('refuses a user with no mailsift role', async () => {
    idp.fault = 'none';
    idp.user = { sub: 'u3', preferred_username: 'eve@contoso.com', roles: ['Other.App'] };
    const res = await signIn();
    expect(res.headers.location).toBe('/signin?error=sso');
    expect(sessionOf(res)).toBeUndefined();
  });

  for (const fault of ['bad-signature', 'unknown-key', 'wrong-audience', 'wrong-nonce', 'expired', 'wrong-issuer'] as const) {
    it(`refuses an id_token with ${fault}`, async () => {
      idp.fault = fault;
      idp.user = { sub: 'u1', preferred_username: 'alice@contoso.com', roles: ['Mailsift.Admin'] };
      const res = await signIn();
      idp.fault = 'none';
      expect(res.headers.location).toBe('/signin?error=sso');
      expect(sessionOf(res)).toBeUndefined();
    });
  }

  it('refuses a callback whose state is forged or that another browser started', async () => {
    idp.fault = 'none';
    idp.user = { sub: 'u1', preferred_username: 'alice@contoso.com', roles: ['Mailsift.Admin'] };
    for (const options of [{ tamperState: true }, { dropCookie: true }]) {
      const res = await signIn(options);
      expect(res.headers.location).toBe('/signin?error=sso');
      expect(sessionOf(res)).toBeUndefined();
    }
  });

  it('uses a code once', async () => {
    idp.fault = 'none';
    const res = await signIn({ replay: true });
    expect(res.headers.location).toBe('/signin?error=sso');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('never redirects away from the app after sign-in', async () => {
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const start = await f.app.inject({ url: `/api/auth/oidc/login?returnTo=${encodeURIComponent(target)}` });
      const cookie = `mailsift_oidc=${start.cookies.find((c) => c.name === 'mailsift_oidc')!.value}`;
      const back = new URL((await fetch(start.headers.location as string, { redirect: 'manual' })).headers.get('location')!);
      const res = await f.app.inject({ url: `/api/auth/oidc/callback${back.search}`, headers: { cookie } });
      expect(res.headers.location).toBe('/');
    }
  });
});

describe('single sign-on not configured', () => {
  it('says so and its routes answer 404', async () => {
    const f = await serverFixture();
    try {
      expect((await f.app.inject({ url: '/api/auth/oidc/config' })).json()).toEqual({ enabled: false });
      const res = await f.app.inject({ url: '/api/auth/oidc/login' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_CONFIGURED');
    } finally {
      await f.close();
    }
  });
});
