/** Administration (admins only): local users, API tokens, and a read-only view of collectors, feeds and alert rules. */
import type { FastifyInstance } from 'fastify';
import { recentDeliveries } from '../../alerts/index.js';
import { collectorStatus } from '../../collect/index.js';
import type { AppContext } from '../app-context.js';
import type { Role } from '../auth/roles.js';
import { errorResponses } from './schemas.js';

const roleSchema = { type: 'string', enum: ['viewer', 'analyst', 'admin'] } as const;
const userSchema = { type: 'object', properties: { name: { type: 'string' }, role: roleSchema, createdAt: { type: 'string' } } } as const;

/** Only names and types of configured things: their settings may hold secrets. */
function describe(items: readonly Record<string, unknown>[]): { name: string; type: string }[] {
  return items.map((i) => ({ name: String(i.name ?? ''), type: String(i.type ?? '') }));
}

/** Register /api/users, /api/tokens and /api/settings. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const admin = { access: 'admin' as const };

  app.get(
    '/api/users',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Local users',
        response: { 200: { type: 'array', items: userSchema }, ...errorResponses(401, 403) },
      },
    },
    async () => ctx.users.listUsers(),
  );

  app.post<{ Body: { name: string; role: Role; password: string } }>(
    '/api/users',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Add a local user (the password must be hard to guess: the answer says why one is refused)',
        body: {
          type: 'object',
          properties: { name: { type: 'string' }, role: roleSchema, password: { type: 'string', minLength: 12, maxLength: 1024 } },
          required: ['name', 'role', 'password'],
          additionalProperties: false,
        },
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => ctx.users.addUser(request.body.name, request.body.role, request.body.password),
  );

  app.patch<{ Params: { name: string }; Body: { role?: Role; password?: string } }>(
    '/api/users/:name',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: "Change a local user's role and/or password (ends their sessions)",
        body: {
          type: 'object',
          properties: { role: roleSchema, password: { type: 'string', minLength: 12, maxLength: 1024 } },
          minProperties: 1,
          additionalProperties: false,
        },
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = await ctx.users.updateUser(request.params.name, request.body);
      await ctx.sessions.deleteUser(request.params.name);
      return user;
    },
  );

  app.delete<{ Params: { name: string } }>(
    '/api/users/:name',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Remove a local user (ends their sessions); the last admin cannot be removed',
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await ctx.users.removeUser(request.params.name);
      await ctx.sessions.deleteUser(request.params.name);
      return { ok: true };
    },
  );

  app.get(
    '/api/tokens',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'API tokens (names and roles; secrets are never shown again)',
        response: { 200: { type: 'array', items: userSchema }, ...errorResponses(401, 403) },
      },
    },
    async () => ctx.users.listTokens(),
  );

  app.post<{ Body: { name: string; role: Role } }>(
    '/api/tokens',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Create an API token (use as Authorization: Bearer <token>); the secret is in this answer only',
        body: {
          type: 'object',
          properties: { name: { type: 'string' }, role: roleSchema },
          required: ['name', 'role'],
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, name: { type: 'string' }, role: roleSchema } },
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request) => {
      const { token, info } = await ctx.users.createToken(request.body.name, request.body.role);
      return { token, name: info.name, role: info.role };
    },
  );

  app.delete<{ Params: { name: string } }>(
    '/api/tokens/:name',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API token',
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await ctx.users.revokeToken(request.params.name);
      return { ok: true };
    },
  );

  app.get(
    '/api/settings',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Collectors, feeds, alert rules and destinations as configured (names and types only)',
        response: { ...errorResponses(401, 403) },
      },
    },
    async () => ({
      // Live state: each collector's last pass, checkpoint and budget; the latest alert deliveries, failures first to see.
      collectorStatus: await collectorStatus(ctx.store),
      deliveries: await recentDeliveries(ctx.store, { limit: 50 }),
      organization: {
        name: ctx.config.organization.name,
        acceptedDomains: ctx.config.organization.acceptedDomains,
        embargoedCountries: ctx.config.organization.embargoedCountries,
      },
      collectors: describe(ctx.config.collectors),
      feeds: describe(ctx.config.intel.feeds),
      alertRules: describe(ctx.config.alerts.rules),
      destinations: describe(ctx.config.alerts.destinations),
      sso: ctx.oidc ? { issuer: ctx.oidc.settings.issuer, label: ctx.oidc.settings.label } : null,
      limits: { queryRowLimit: ctx.settings.queryRowLimit, queryTimeoutMs: ctx.settings.queryTimeoutMs },
    }),
  );
}
