/**
 * Dashboards made in the app: create, copy (built-ins are read-only templates), change panels and layout,
 * share, delete, and add a panel from a query or a saved search. Analysts make personal dashboards; shared
 * ones (in everyone's navigation) are made and changed by admins.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import type { StoredDashboardRow } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../auth/authenticate.js';
import { userDashboardSchema, MAX_PANELS, type UserDashboard } from '../dashboards/dashboard-catalog.js';
import { panelSchema, type LocalText } from '../dashboards/dashboard-schema.js';
import { issueReason } from '../../config/index.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors.js';
import { canSee, mustChange, newId } from '../saved/ownership.js';
import { errorResponses } from './schemas.js';

interface DashboardBody {
  title: LocalText;
  description?: LocalText;
  shared?: boolean;
  panels?: unknown[];
}

interface PanelBody {
  searchId?: string;
  title?: string;
  kql?: string;
  kind?: string;
  [key: string]: unknown;
}

const localText = {
  anyOf: [
    { type: 'string', minLength: 1, maxLength: 200 },
    {
      type: 'object',
      properties: { en: { type: 'string', maxLength: 200 }, ja: { type: 'string', maxLength: 200 } },
      required: ['en', 'ja'],
      additionalProperties: false,
    },
  ],
} as const;

const dashboardBody = {
  type: 'object',
  properties: {
    title: localText,
    description: { anyOf: [{ type: 'string', maxLength: 2000 }, localText] },
    shared: { type: 'boolean', description: "in everyone's navigation (admins only)" },
    panels: {
      type: 'array',
      maxItems: MAX_PANELS,
      items: { type: 'object', additionalProperties: true },
      description: 'in grid order; each as in GET /api/dashboards/:id (width 1-12 of the grid)',
    },
  },
  required: ['title'],
  additionalProperties: false,
} as const;

const created = { 201: { type: 'object', additionalProperties: true } };

function invalid(error: ZodError, what: string): BadRequestError {
  const issue = error.issues[0]!;
  const key = [what, ...issue.path.map(String)].join('.');
  return new BadRequestError(`${what}: ${issue.path.join('.') || '(top)'}: ${issue.message}`, issueReason(issue, key));
}

/** Register the routes that change dashboards. */
export function registerDashboardEditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const config = { access: 'analyst' } as const;
  const saved = ctx.store.saved;
  const mayShare = (who: Principal, shared: boolean) => {
    if (shared && who.role !== 'admin')
      throw new ForbiddenError("only admins share dashboards (they appear in everyone's navigation)", { reason: 'share-admins' });
  };
  const definition = (raw: unknown): UserDashboard => {
    const parsed = userDashboardSchema.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error, 'dashboard');
    return parsed.data;
  };
  const stored = async (id: string, who: Principal): Promise<StoredDashboardRow> => {
    if (ctx.dashboards.builtIns.get(id))
      throw new ForbiddenError(`the built-in dashboard ${id} is a read-only template: copy it to change it`, {
        reason: 'built-in',
        params: { id },
      });
    const d = await saved.getStoredDashboard(id);
    if (!d || !canSee(who, d)) throw new NotFoundError(`no dashboard ${id}`, { reason: 'no-dashboard', params: { id } });
    return d;
  };
  const write = async (row: StoredDashboardRow, def: UserDashboard, who: Principal) => {
    const title = typeof def.title === 'string' ? def.title : def.title.en;
    await saved.putStoredDashboard({ ...row, title, definition: def, updatedAt: Date.now() });
    return ctx.dashboards.get(row.id, who);
  };
  const fresh = (who: Principal, shared: boolean): StoredDashboardRow => {
    const now = Date.now();
    return { id: newId('d'), owner: who.user, shared, title: '', definition: {}, createdAt: now, updatedAt: now };
  };

  app.post<{ Body: DashboardBody }>(
    '/api/dashboards',
    {
      config,
      schema: {
        tags: ['dashboards'],
        summary: 'Make a dashboard',
        body: dashboardBody,
        response: { ...created, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const shared = request.body.shared ?? false;
      mayShare(who, shared);
      const def = definition({ title: request.body.title, description: request.body.description, panels: request.body.panels ?? [] });
      return reply.code(201).send(await write(fresh(who, shared), def, who));
    },
  );

  app.post<{ Params: { id: string }; Body: { title?: LocalText } }>(
    '/api/dashboards/:id/copy',
    {
      config,
      schema: {
        tags: ['dashboards'],
        summary: 'Copy a dashboard (a built-in template or one you see) into a personal one you may change',
        body: { type: 'object', properties: { title: localText }, additionalProperties: false },
        response: { ...created, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const source = await ctx.dashboards.get(request.params.id, who);
      if (!source)
        throw new NotFoundError(`no dashboard ${request.params.id}`, { reason: 'no-dashboard', params: { id: request.params.id } });
      const title: LocalText =
        request.body?.title ??
        (typeof source.title === 'string'
          ? `${source.title} (copy)`
          : { en: `${source.title.en} (copy)`, ja: `${source.title.ja}（コピー）` });
      const def = definition({ title, description: source.description, panels: source.panels, copiedFrom: source.id });
      return reply.code(201).send(await write(fresh(who, false), def, who));
    },
  );

  app.put<{ Params: { id: string }; Body: DashboardBody }>(
    '/api/dashboards/:id',
    {
      config,
      schema: {
        tags: ['dashboards'],
        summary: 'Change a dashboard made in the app: texts, panels (their order is the layout), sharing',
        body: dashboardBody,
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const who = request.principal!;
      const row = await stored(request.params.id, who);
      mustChange(who, row, `the dashboard "${row.title}"`);
      const shared = request.body.shared ?? row.shared;
      if (shared !== row.shared) mayShare(who, true);
      const old = definition(row.definition);
      const def = definition({
        title: request.body.title,
        description: request.body.description ?? old.description,
        panels: request.body.panels ?? old.panels,
        copiedFrom: old.copiedFrom,
      });
      return write({ ...row, shared }, def, who);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/dashboards/:id',
    {
      config,
      schema: {
        tags: ['dashboards'],
        summary: 'Delete a dashboard made in the app',
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const row = await stored(request.params.id, who);
      mustChange(who, row, `the dashboard "${row.title}"`);
      await saved.deleteStoredDashboard(row.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: PanelBody }>(
    '/api/dashboards/:id/panels',
    {
      config,
      schema: {
        tags: ['dashboards'],
        summary: 'Add a panel at the end: from a saved search (searchId) or a query (kql), drawn as `kind` (default table)',
        description:
          'The panel is as in GET /api/dashboards/:id without its id (the server gives one); title and kql default to those of the saved search.',
        body: {
          type: 'object',
          properties: {
            searchId: { type: 'string', maxLength: 200 },
            title: { type: 'string', maxLength: 200 },
            kql: { type: 'string', maxLength: 20_000 },
          },
          additionalProperties: true,
        },
        response: { ...created, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const who = request.principal!;
      const row = await stored(request.params.id, who);
      mustChange(who, row, `the dashboard "${row.title}"`);
      const { searchId, ...rest } = request.body;
      const search = searchId === undefined ? undefined : await saved.getSavedSearch(searchId);
      if (searchId !== undefined && (!search || !canSee(who, search)))
        throw new NotFoundError(`no saved search ${searchId}`, { reason: 'no-saved-search', params: { id: searchId } });
      const kql = rest.kql ?? search?.query;
      if (typeof kql !== 'string' || kql.trim() === '')
        throw new BadRequestError('panel: give kql or the searchId of a saved search', { reason: 'panel-kql' });
      const old = definition(row.definition);
      if (old.panels.length >= MAX_PANELS)
        throw new BadRequestError(`a dashboard holds at most ${MAX_PANELS} panels`, {
          reason: 'too-many-panels',
          params: { max: MAX_PANELS },
        });
      const parsed = panelSchema.safeParse({
        kind: 'table',
        ...rest,
        id: newId('p'),
        title: rest.title ?? search?.name ?? 'Query',
        description: rest.description ?? search?.description ?? '',
        kql,
      });
      if (!parsed.success) throw invalid(parsed.error, 'panel');
      const out = await write(row, { ...old, panels: [...old.panels, parsed.data] }, who);
      return reply.code(201).send(out);
    },
  );
}
