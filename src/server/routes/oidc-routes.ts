/** Single sign-on routes: /api/auth/oidc/config (is SSO on?), /login (to the provider), /callback (back from it). */
import type { FastifyInstance } from 'fastify';
import { TRANSACTION_TTL_MS } from '../auth/oidc.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { DEFAULT_SESSION_LIMITS } from '../auth/session-store.js';
import { cameOverTls, setSessionCookie } from '../auth/session-cookie.js';
import type { AppContext } from '../app-context.js';
import { NotConfiguredError } from '../errors.js';
import { errorResponses } from './schemas.js';

const STATE_COOKIE = 'mailsift_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';

/** The redirect URI registered at the provider: configured, never taken from the request's Host header (which a client chooses). */
function redirectUri(ctx: AppContext): string {
  const configured = ctx.settings.oidc?.redirectUri;
  if (configured) return configured;
  // server-settings refuses SSO without server.publicUrl.
  return new URL(CALLBACK_PATH, ctx.settings.publicUrl).href;
}

/** Register the SSO routes (they answer 404 NOT_CONFIGURED when server.oidc is not set). */
export function registerOidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/auth/oidc/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether single sign-on is configured, for the sign-in page',
        response: {
          200: { type: 'object', properties: { enabled: { type: 'boolean' }, label: { type: 'string' } }, required: ['enabled'] },
        },
      },
    },
    async () => (ctx.oidc ? { enabled: true, label: ctx.oidc.settings.label } : { enabled: false }),
  );

  app.get<{ Querystring: { returnTo?: string } }>(
    '/api/auth/oidc/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects the browser to the identity provider',
        querystring: { type: 'object', properties: { returnTo: { type: 'string', maxLength: 2048 } } },
        response: { ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      if (!ctx.oidc) throw new NotConfiguredError('single sign-on is not configured (server.oidc)', { reason: 'no-sso' });
      const { url, cookie } = await ctx.oidc.begin(redirectUri(ctx), request.query.returnTo ?? '/');
      // Lax, not Strict: the provider's redirect back to us is a cross-site navigation.
      void reply.setCookie(STATE_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cameOverTls(request),
        path: '/api/auth/oidc',
        maxAge: TRANSACTION_TTL_MS / 1000,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back; starts the session',
        response: { ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      if (!ctx.oidc) throw new NotConfiguredError('single sign-on is not configured (server.oidc)', { reason: 'no-sso' });
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const callbackUrl = new URL(redirectUri(ctx));
      callbackUrl.search = search;
      void reply.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
      try {
        const identity = await ctx.oidc.complete(callbackUrl, request.cookies[STATE_COOKIE]);
        await ctx.sessions.delete(request.cookies[SESSION_COOKIE]);
        const { id } = await ctx.sessions.create(identity.user, identity.role, 'oidc');
        setSessionCookie(request, reply, id, DEFAULT_SESSION_LIMITS.absoluteMs / 1000);
        request.log.info({ user: identity.user, role: identity.role }, 'signed in with SSO');
        return reply.redirect(identity.returnTo, 302);
      } catch (error) {
        // Message lines only: a provider error object may carry token material.
        const cause = (error as Error).cause as Error | undefined;
        request.log.warn({ reason: (error as Error).message, cause: cause?.message }, 'single sign-on failed');
        const code = (error as { code?: string }).code === 'SSO_FAILED' ? 'sso' : 'sso-unavailable';
        return reply.redirect(`/signin?error=${code}`, 302);
      }
    },
  );
}
