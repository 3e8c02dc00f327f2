/** Password sign-in, sign-out and "who am I". */
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { DEFAULT_SESSION_LIMITS } from '../auth/session-store.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import type { AppContext } from '../app-context.js';
import { InvalidCredentialsError } from '../errors.js';
import { errorResponses } from './schemas.js';

const meSchema = {
  type: 'object',
  properties: {
    user: { type: 'string' },
    role: { type: 'string', enum: ['viewer', 'analyst', 'admin'] },
    via: { type: 'string', enum: ['session', 'token'] },
    csrf: { type: 'string', description: 'send back as X-CSRF-Token on POST/PATCH/DELETE' },
  },
  required: ['user', 'role', 'via'],
} as const;

/** Register /api/auth/login, /api/auth/logout, /api/auth/me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a local user name and password; sets the session cookie',
        body: {
          type: 'object',
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
          required: ['username', 'password'],
          additionalProperties: false,
        },
        response: { 200: meSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await ctx.loginThrottle.attempt(username, request.ip, () => ctx.users.checkPassword(username, password));
      if (!user) {
        request.log.warn({ user: username.slice(0, 64) }, 'failed sign-in');
        throw new InvalidCredentialsError();
      }
      // A new id on every sign-in (no session fixation).
      await ctx.sessions.delete(request.cookies[SESSION_COOKIE]);
      const { id, session } = await ctx.sessions.create(user.name, user.role, 'local', user.epoch);
      setSessionCookie(request, reply, id, DEFAULT_SESSION_LIMITS.absoluteMs / 1000);
      request.log.info({ user: user.name }, 'signed in');
      return { user: session.user, role: session.role, via: 'session', csrf: session.csrf };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await ctx.sessions.delete(request.cookies[SESSION_COOKIE]);
      clearSessionCookie(request, reply);
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, role and CSRF token', response: { 200: meSchema, ...errorResponses(401) } } },
    async (request) => {
      const p = request.principal!;
      return { user: p.user, role: p.role, via: p.via, ...(p.csrf ? { csrf: p.csrf } : {}) };
    },
  );
}
