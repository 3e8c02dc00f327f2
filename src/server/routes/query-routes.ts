/** KQL for analysts: run a query, export its rows (CSV safe for spreadsheets, or JSON), editor completions. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatInstant } from '../../config/index.js';
import { localizeRows, toCsv, toJsonArray } from '../../export/index.js';
import { kqlCompletions, kqlCompletionsAt } from '../../kql/index.js';
import type { AppContext } from '../app-context.js';
import { applyFilters, type Filters } from '../dashboards/filter-kql.js';
import { filterQueryProperties, filtersFromQuery, filtersSchema } from './filter-params.js';
import { viewerZone } from '../preferences/viewer-zone.js';
import { parseRange } from '../request-time.js';
import { errorResponses, queryResultSchema, timeRangeProperties } from './schemas.js';

const MAX_QUERY_CHARS = 100_000;

/** A file name for an export, from the local time of the export (mailsift-export-2026-11-26T09-00-00+0900.csv). */
function exportName(ext: string, zone: string): string {
  const local = formatInstant(Math.floor(Date.now() / 1000) * 1000, zone);
  return `mailsift-export-${local.slice(0, 19).replace(/:/g, '-')}${local.slice(19).replace(':', '')}.${ext}`;
}

/** A signal that fires when the client closes the connection before its answer is sent (a closed tab, a newer query). */
function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) gone.abort();
  });
  return gone.signal;
}

/** Register /api/query, /api/export and /api/kql/completions. */
export function registerQueryRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The top bar's filter chips apply to the Explorer's query as to a panel's: on the syntax tree, after every table
  // that has their columns; those no table could take are named in `unfiltered`.
  const filtered = (query: string, filters: Filters | undefined) => applyFilters(query, filters ?? {});

  app.post<{ Body: { query: string; from?: string; to?: string; filters?: Filters } }>(
    '/api/query',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['query'],
        summary:
          'Run a KQL query over the time range; rows are capped at server.queryRowLimit and server.queryMaxBytes (stats.truncatedBy)',
        body: {
          type: 'object',
          properties: {
            query: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS },
            ...timeRangeProperties,
            filters: filtersSchema,
          },
          required: ['query'],
          additionalProperties: false,
        },
        response: {
          200: {
            ...queryResultSchema,
            properties: {
              ...queryResultSchema.properties,
              unfiltered: {
                type: 'array',
                items: { type: 'string' },
                description: 'filters given that the query could not take (no table of it has their columns)',
              },
            },
          },
          ...errorResponses(400, 401, 403, 500, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const range = parseRange(request.body);
      const { kql, unfiltered } = filtered(request.body.query, request.body.filters);
      const out = await ctx.queries.run({ query: kql, ...range, user: request.principal!.user, signal: clientGone(reply) });
      return { ...out, unfiltered };
    },
  );

  app.get<{
    Querystring: { query: string; format?: 'csv' | 'json'; from?: string; to?: string; timeZone?: string } & Record<string, unknown>;
  }>(
    '/api/export',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['query'],
        summary:
          'Download the rows of a KQL query as CSV (RFC 4180, formula cells neutralised) or JSON; rows are capped at server.queryRowLimit and server.exportMaxBytes (X-Mailsift-Truncated-By says which cut them)',
        description:
          "Datetime columns are written as local time with the offset (2026-11-26T09:00:00+09:00) in `timeZone`, else the user's zone, else organization.timeZone; the header X-Mailsift-Time-Zone names it.",
        querystring: {
          type: 'object',
          properties: {
            query: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS },
            format: { type: 'string', enum: ['csv', 'json'], default: 'csv' },
            timeZone: { type: 'string', maxLength: 64 },
            ...timeRangeProperties,
            ...filterQueryProperties,
          },
          required: ['query'],
        },
        response: { ...errorResponses(400, 401, 403, 500, 503, 504) },
      },
    },
    async (request, reply) => {
      const range = parseRange(request.query);
      const user = request.principal!.user;
      const timeZone = await viewerZone(ctx, user, request.query.timeZone);
      const { kql, unfiltered } = filtered(request.query.query, filtersFromQuery(request.query));
      if (unfiltered.length > 0) void reply.header('x-mailsift-unfiltered', unfiltered.join(','));
      const result = await ctx.queries.run({
        query: kql,
        ...range,
        user,
        maxBytes: ctx.settings.exportMaxBytes,
        signal: clientGone(reply),
      });
      const format = request.query.format ?? 'csv';
      const rows = localizeRows(result.columns, result.rows, timeZone);
      void reply.header('content-disposition', `attachment; filename="${exportName(format, timeZone)}"`);
      void reply.header('x-mailsift-truncated', String(result.stats.truncated));
      void reply.header('x-mailsift-time-zone', timeZone);
      if (result.stats.truncatedBy) void reply.header('x-mailsift-truncated-by', result.stats.truncatedBy);
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(toJsonArray(result.columns, rows));
      // The BOM makes Excel read the file as UTF-8 (Japanese subjects).
      return reply.type('text/csv; charset=utf-8').send('\ufeff' + toCsv(result.columns, rows));
    },
  );

  app.get(
    '/api/kql/completions',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['query'],
        summary: 'Tables, columns, functions and operators for the KQL editor',
        response: { ...errorResponses(401, 403) },
      },
    },
    async () => kqlCompletions(),
  );

  app.get<{ Querystring: { text: string; offset?: number } }>(
    '/api/kql/complete',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['query'],
        summary: "Suggestions at a cursor: the query table's columns first, known values of Status and Direction, operators after |",
        querystring: {
          type: 'object',
          required: ['text'],
          properties: { text: { type: 'string', maxLength: MAX_QUERY_CHARS }, offset: { type: 'integer', minimum: 0 } },
        },
        response: { ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => kqlCompletionsAt(request.query.text, request.query.offset ?? request.query.text.length),
  );
}
