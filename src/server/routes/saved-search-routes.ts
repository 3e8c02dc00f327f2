/** Saved searches of the Explorer: personal or shared; each can become an alert rule or a dashboard panel. */
import type { FastifyInstance } from 'fastify';
import { compileKql } from '../../kql/index.js';
import type { SavedSearchRow } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../auth/authenticate.js';
import { NotFoundError } from '../errors.js';
import { canChange, canSee, mustChange, newId } from '../saved/ownership.js';
import { draftAlertRule, type AlertRuleAsk } from '../saved/search-alert-rule.js';
import { errorResponses } from './schemas.js';

interface SearchBody {
  name: string;
  query: string;
  description?: string;
  shared?: boolean;
}

const searchBody = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    query: { type: 'string', minLength: 1, maxLength: 20_000, pattern: '\\S' },
    description: { type: 'string', maxLength: 2000 },
    shared: { type: 'boolean', description: 'seen by every analyst (default: only you)' },
  },
  required: ['name', 'query'],
  additionalProperties: false,
} as const;

const searchSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    query: { type: 'string' },
    description: { type: 'string' },
    owner: { type: 'string' },
    shared: { type: 'boolean' },
    mine: { type: 'boolean' },
    editable: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

/** A saved search as the API shows it to `who`. */
function view(s: SavedSearchRow, who: Principal) {
  return {
    ...s,
    mine: s.owner === who.user,
    editable: canChange(who, s),
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

/** Register /api/saved-searches routes (analysts and admins; viewers run no free queries). */
export function registerSavedSearchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const config = { access: 'analyst' } as const;
  const visible = async (id: string, who: Principal) => {
    const s = await ctx.store.saved.getSavedSearch(id);
    if (!s || !canSee(who, s)) throw new NotFoundError(`no saved search ${id}`, { reason: 'no-saved-search', params: { id } });
    return s;
  };
  // The query must be KQL this store runs: a mistake is told when saving, with its line and column.
  const checked = (b: SearchBody) => {
    compileKql(b.query, { dialect: ctx.store.dialect });
    return { name: b.name.trim(), query: b.query.trim(), description: (b.description ?? '').trim(), shared: b.shared ?? false };
  };

  app.get(
    '/api/saved-searches',
    {
      config,
      schema: {
        tags: ['saved searches'],
        summary: 'Your saved searches and the shared ones, by name',
        response: { 200: { type: 'array', items: searchSchema }, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const who = request.principal!;
      return (await ctx.store.saved.listSavedSearches()).filter((s) => canSee(who, s)).map((s) => view(s, who));
    },
  );

  app.post<{ Body: SearchBody }>(
    '/api/saved-searches',
    {
      config,
      schema: {
        tags: ['saved searches'],
        summary: 'Save a search',
        body: searchBody,
        response: { 201: searchSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const now = Date.now();
      const row: SavedSearchRow = { id: newId('s'), owner: who.user, createdAt: now, updatedAt: now, ...checked(request.body) };
      await ctx.store.saved.putSavedSearch(row);
      return reply.code(201).send(view(row, who));
    },
  );

  app.put<{ Params: { id: string }; Body: SearchBody }>(
    '/api/saved-searches/:id',
    {
      config,
      schema: {
        tags: ['saved searches'],
        summary: 'Change a saved search (its owner; a shared one also an admin)',
        body: searchBody,
        response: { 200: searchSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const who = request.principal!;
      const old = await visible(request.params.id, who);
      mustChange(who, old, `the saved search "${old.name}"`);
      const row: SavedSearchRow = { ...old, ...checked(request.body), updatedAt: Date.now() };
      await ctx.store.saved.putSavedSearch(row);
      return view(row, who);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/saved-searches/:id',
    {
      config,
      schema: {
        tags: ['saved searches'],
        summary: 'Delete a saved search (its owner; a shared one also an admin)',
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const old = await visible(request.params.id, who);
      mustChange(who, old, `the saved search "${old.name}"`);
      await ctx.store.saved.deleteSavedSearch(old.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: AlertRuleAsk }>(
    '/api/saved-searches/:id/alert-rule',
    {
      config,
      schema: {
        tags: ['saved searches'],
        summary: 'The alert rule of a saved search: validated as alerts.rules validates it, and what it would raise now',
        description:
          'Nothing is saved: the answer is the rule in the shape of an entry of `alerts.rules` (for the alert-rule settings, or to paste into mailsift.yaml as YAML), with a dry run over its look-back.',
        body: {
          type: 'object',
          properties: {
            schedule: { type: 'string', maxLength: 100, description: 'interval (15m) or cron; default 15m' },
            rows: { type: 'string', maxLength: 20, description: "condition on the rows, e.g. '>0' (default) or '>=10'" },
            severity: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
            destinations: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 20 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              rule: { type: 'object', additionalProperties: true },
              yaml: { type: 'string' },
              preview: {
                type: 'object',
                properties: { alerts: { type: 'integer' }, sentences: { type: 'array', items: { type: 'string' } } },
              },
            },
            required: ['rule', 'yaml', 'preview'],
          },
          ...errorResponses(400, 401, 403, 404, 500, 503, 504),
        },
      },
    },
    async (request) => {
      const who = request.principal!;
      const search = await visible(request.params.id, who);
      return draftAlertRule(ctx, search, request.body ?? {}, who.user);
    },
  );
}
