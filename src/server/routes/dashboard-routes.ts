/** Dashboards: the list, one definition, and running or exporting one panel with the time range and filters. */
import { setMaxListeners } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { localizeRows, toCsv } from '../../export/index.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../auth/authenticate.js';
import { runPanel } from '../dashboards/panel-runner.js';
import { keepFilteredRows } from '../dashboards/kept-rows.js';
import type { Filters } from '../dashboards/filter-kql.js';
import { filterQueryProperties, filtersFromQuery, filtersSchema } from './filter-params.js';
import { NotFoundError, toHttpError } from '../errors.js';
import { viewerZone } from '../preferences/viewer-zone.js';
import { parseRange } from '../request-time.js';
import { binSchema, errorResponses, queryResultSchema, timeRangeProperties } from './schemas.js';

/** A dashboard text: a string, or one per language. */
const localTextSchema = {
  anyOf: [{ type: 'string' }, { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } }, required: ['en'] }],
} as const;

interface PanelBody {
  from?: string;
  to?: string;
  filters?: Filters;
  timeZone?: string;
  tzOffsetMinutes?: number;
}

interface DashboardBody extends PanelBody {
  panels?: string[];
}

const panelBodyProperties = {
  ...timeRangeProperties,
  filters: filtersSchema,
  timeZone: {
    type: 'string',
    maxLength: 64,
    description: "IANA zone whose midnight starts the daily bins (default: the user's, else organization.timeZone)",
  },
  tzOffsetMinutes: { type: 'integer', minimum: -840, maximum: 840, description: 'older clients: a fixed offset instead of timeZone' },
} as const;

/** Register /api/dashboards routes. */
export function registerDashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const env = { embargoedCountries: ctx.config.organization.embargoedCountries };
  // A fixed offset from an older client is kept as it was asked; otherwise the zone (asked, the user's, the organisation's).
  const zoneOf = async (user: string, asked: { timeZone?: unknown; tzOffsetMinutes?: number }) =>
    asked.timeZone === undefined && asked.tzOffsetMinutes !== undefined
      ? { tzOffsetMinutes: asked.tzOffsetMinutes }
      : { timeZone: await viewerZone(ctx, user, asked.timeZone) };
  const find = async (id: string, panelId: string, who: Principal) => {
    const panel = await ctx.dashboards.panel(id, panelId, who);
    if (!panel)
      throw new NotFoundError(`no panel ${panelId} on dashboard ${id}`, { reason: 'no-panel', params: { panel: panelId, dashboard: id } });
    return panel;
  };
  const dashboardOf = async (id: string, who: Principal) => {
    const d = await ctx.dashboards.get(id, who);
    if (!d) throw new NotFoundError(`no dashboard ${id}`, { reason: 'no-dashboard', params: { id } });
    return d;
  };

  app.get(
    '/api/dashboards',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Dashboards, in navigation order: the built-in ones, then yours and the shared ones made in the app',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                title: localTextSchema,
                description: localTextSchema,
                builtIn: { type: 'boolean', description: 'a read-only template (copy it to change it)' },
                owner: { type: 'string' },
                shared: { type: 'boolean' },
                editable: { type: 'boolean', description: 'you may change it' },
              },
            },
          },
          ...errorResponses(401),
        },
      },
    },
    async (request) => ctx.dashboards.list(request.principal!),
  );

  app.get(
    '/api/data-span',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'The span of the stored messages (earliest and latest Received), for "no data in this range: show the data"',
        response: {
          200: {
            type: 'object',
            properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } },
            required: ['from', 'to'],
          },
          ...errorResponses(401, 500, 503, 504),
        },
      },
    },
    async (request) => {
      const out = await ctx.queries.run({
        query: 'MessageTrace | summarize From = min(Received), To = max(Received)',
        user: request.principal!.user,
        rowLimit: 1,
      });
      const [from, to] = out.rows[0] ?? [];
      return { from: from ?? null, to: to ?? null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/dashboards/:id',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'One dashboard: its panels (KQL, visualisation, title, description)',
        response: { ...errorResponses(401, 404) },
      },
    },
    async (request) => dashboardOf(request.params.id, request.principal!),
  );

  app.post<{ Params: { id: string }; Body: DashboardBody }>(
    '/api/dashboards/:id/run',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Run every panel of a dashboard (or the ones named) with one request; answers stream as each panel finishes',
        description:
          'The answer is NDJSON (application/x-ndjson), one line per panel in the order they finish: `{"panel": id, "data": <the answer of /panels/{panelId}/run>}` or `{"panel": id, "status": <HTTP status>, "error": {"code", "message", ...}}`. One panel failing does not stop the others. Closing the connection cancels the panels still running.',
        body: {
          type: 'object',
          properties: {
            ...panelBodyProperties,
            panels: {
              type: 'array',
              items: { type: 'string', maxLength: 128 },
              maxItems: 100,
              description: 'panel ids (default: all of them)',
            },
          },
          additionalProperties: false,
        },
        response: { 200: { description: 'one JSON object per line, per panel', type: 'string' }, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const dashboard = await dashboardOf(request.params.id, request.principal!);
      const ids = request.body?.panels ?? dashboard.panels.map((p) => p.id);
      const panels = [...new Set(ids)].map((panelId) => {
        const panel = dashboard.panels.find((p) => p.id === panelId);
        if (!panel)
          throw new NotFoundError(`no panel ${panelId} on dashboard ${dashboard.id}`, {
            reason: 'no-panel',
            params: { panel: panelId, dashboard: dashboard.id },
          });
        return panel;
      });
      const range = parseRange(request.body ?? {});
      const filters = request.body?.filters ?? {};
      const cancel = new AbortController();
      setMaxListeners(0, cancel.signal);
      // The client went away (a newer filter, a closed tab): stop what is still waiting or running.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) cancel.abort();
      });
      const out = new PassThrough();
      const line = (value: unknown) => {
        if (!cancel.signal.aborted) out.write(`${JSON.stringify(value)}\n`);
      };
      const user = request.principal!.user;
      const asked = { ...range, filters, ...(await zoneOf(user, request.body ?? {})), user, signal: cancel.signal };
      // Under a sender, recipient or country chip the panels read that mail, kept once (kept-rows.ts), not each from the table.
      const kept = await keepFilteredRows(ctx.queries, ctx.store.dialect, panels, asked, env).catch((error: unknown) => {
        if (!cancel.signal.aborted) request.log.warn({ err: error }, 'filtered rows not kept');
        return undefined;
      });
      const panelRequest = kept ? { ...asked, kept } : asked;
      const runs = panels.map((panel) =>
        runPanel(ctx.queries, ctx.store, env, panel, panelRequest).then(
          (data) => line({ panel: panel.id, data }),
          (error: unknown) => {
            const http = toHttpError(error);
            if (http.status >= 500 && http.status !== 499) request.log.error({ err: error, panel: panel.id }, 'panel failed');
            line({ panel: panel.id, status: http.status, error: http.body.error });
          },
        ),
      );
      void Promise.all(runs).finally(() => {
        out.end();
        if (kept) ctx.queries.releaseKept(kept).catch((error: unknown) => request.log.warn({ err: error }, 'kept rows not released'));
      });
      // x-accel-buffering: a reverse proxy (nginx) passes each line on as it comes instead of holding the answer.
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(out);
    },
  );

  app.post<{ Params: { id: string; panelId: string }; Body: PanelBody }>(
    '/api/dashboards/:id/panels/:panelId/run',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Run one panel's KQL with the time range and filters (viewers may run panels, not free queries)",
        body: {
          type: 'object',
          properties: panelBodyProperties,
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              kql: { type: 'string' },
              result: queryResultSchema,
              unfiltered: {
                type: 'array',
                items: { type: 'string' },
                description:
                  'active filters the panel could not apply (its tables lack their columns): its numbers are not filtered by them',
              },
              previous: {},
              sparkline: queryResultSchema,
              terms: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { term: { type: 'string' }, count: { type: 'number' }, previous: { type: 'number' } },
                },
              },
              bin: binSchema,
              marks: queryResultSchema,
            },
            required: ['kql', 'result', 'unfiltered'],
          },
          ...errorResponses(400, 401, 404, 500, 503, 504),
        },
      },
    },
    async (request) => {
      const panel = await find(request.params.id, request.params.panelId, request.principal!);
      const range = parseRange(request.body ?? {});
      const user = request.principal!.user;
      return runPanel(ctx.queries, ctx.store, env, panel, {
        ...range,
        filters: request.body?.filters ?? {},
        ...(await zoneOf(user, request.body ?? {})),
        user,
      });
    },
  );

  app.get<{ Params: { id: string; panelId: string }; Querystring: Record<string, unknown> }>(
    '/api/dashboards/:id/panels/:panelId/export',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Download one panel's rows as CSV (formula cells neutralised)",
        querystring: {
          type: 'object',
          properties: {
            ...timeRangeProperties,
            timeZone: { type: 'string', maxLength: 64 },
            tzOffsetMinutes: { type: 'string' },
            ...filterQueryProperties,
          },
        },
        response: { ...errorResponses(400, 401, 404, 500, 503, 504) },
      },
    },
    async (request, reply) => {
      const panel = await find(request.params.id, request.params.panelId, request.principal!);
      const range = parseRange(request.query);
      const user = request.principal!.user;
      // Times in the file are local with their offset; the zone also names itself in a header.
      const timeZone = await viewerZone(ctx, user, request.query.timeZone);
      const tz = Number(request.query.tzOffsetMinutes ?? 0);
      const legacyOffset = request.query.timeZone === undefined && request.query.tzOffsetMinutes !== undefined;
      const out = await runPanel(ctx.queries, ctx.store, env, panel, {
        ...range,
        filters: filtersFromQuery(request.query),
        ...(legacyOffset ? { tzOffsetMinutes: Number.isInteger(tz) && Math.abs(tz) <= 840 ? tz : 0 } : { timeZone }),
        user,
      });
      void reply.header('content-disposition', `attachment; filename="${request.params.id}-${panel.id}.csv"`);
      void reply.header('x-mailsift-time-zone', timeZone);
      const rows = localizeRows(out.result.columns, out.result.rows, timeZone);
      return reply.type('text/csv; charset=utf-8').send('\ufeff' + toCsv(out.result.columns, rows));
    },
  );
}
