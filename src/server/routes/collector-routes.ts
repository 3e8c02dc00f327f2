/** Collectors and threat-intel feeds in Settings (admins only): their state, and "Test connection". */
import type { FastifyInstance } from 'fastify';
import { CollectorNotFoundError, collectorStatus, testConnection } from '../../collect/index.js';
import { feedStatus, testFeedConnection, type FeedConfig } from '../../intel/index.js';
import type { AppContext } from '../app-context.js';
import { NotFoundError } from '../errors.js';
import { errorResponses } from './schemas.js';

const nameParams = { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['name'] } as const;

/** Whether a collector's last pass failed after (or without) its last success. */
export function isFailing(s: { lastSuccessAt: string | null; lastError: { at: string } | null } | undefined): boolean {
  if (!s?.lastError) return false;
  return s.lastSuccessAt === null || Date.parse(s.lastError.at) >= Date.parse(s.lastSuccessAt);
}

/** Register /api/collectors and the feeds' connection test. */
export function registerCollectorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const admin = { access: 'admin' as const };

  app.get(
    '/api/collectors',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary:
          "Configured collectors and feeds with their last success, last error and data 'complete up to' time (no settings: they hold secrets)",
        response: { ...errorResponses(401, 403) },
      },
    },
    async () => {
      const status = new Map((await collectorStatus(ctx.store)).map((s) => [s.name, s]));
      const feeds = ctx.config.intel.feeds;
      const feedStates = new Map(
        (
          await feedStatus(
            ctx.store,
            feeds.map((f) => f.name),
          )
        ).map((s) => [s.name, s]),
      );
      return {
        collectors: ctx.config.collectors.map((c) => {
          const s = status.get(c.name);
          return { name: c.name, type: c.type, enabled: c.enabled !== false, status: s ?? null, failing: isFailing(s) };
        }),
        feeds: feeds.map((f) => ({ name: f.name, type: f.type, status: feedStates.get(f.name)! })),
      };
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/collectors/:name/test',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Test connection: sign in, then one small request (shows a missing service principal or permission); nothing stored',
        params: nameParams,
        response: { ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      try {
        return await testConnection(ctx.config.collectors, request.params.name);
      } catch (error) {
        if (error instanceof CollectorNotFoundError)
          throw new NotFoundError(error.message, { reason: 'no-collector', params: { name: request.params.name } });
        throw error;
      }
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/intel/feeds/:name/test',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Test connection: read the feed once without storing it',
        params: nameParams,
        response: { ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const feed = ctx.config.intel.feeds.find((f) => f.name === request.params.name);
      if (!feed)
        throw new NotFoundError(`no feed named ${request.params.name} in the configuration`, {
          reason: 'no-feed',
          params: { name: request.params.name },
        });
      return testFeedConnection(feed as unknown as FeedConfig);
    },
  );
}
