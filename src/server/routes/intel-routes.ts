/** Threat-intel matches: senders, sender domains, sending IPs and recipients of stored mail that are known indicators. */
import type { FastifyInstance } from 'fastify';
import { computeMatches } from '../../intel/index.js';
import type { AppContext } from '../app-context.js';
import { parseRange } from '../request-time.js';
import { errorResponses, timeRangeProperties } from './schemas.js';

const matchSchema = {
  type: 'object',
  properties: {
    entity: { type: 'string' },
    type: { type: 'string' },
    indicator: { type: 'string' },
    indicatorType: { type: 'string' },
    confidence: { type: 'number' },
    band: { type: 'string' },
    actor: { type: 'string' },
    feed: { type: 'string' },
    labels: { type: 'array', items: { type: 'string' } },
    firstSeen: { type: 'string' },
    lastSeen: { type: 'string' },
    messages: { type: 'number' },
  },
} as const;

/** Register /api/intel/matches. */
export function registerIntelRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { from?: string; to?: string; minConfidence?: number } }>(
    '/api/intel/matches',
    {
      schema: {
        tags: ['intel'],
        summary: 'Indicators seen in mail over the time range, by confidence then messages',
        querystring: {
          type: 'object',
          properties: { ...timeRangeProperties, minConfidence: { type: 'integer', minimum: 0, maximum: 100 } },
        },
        response: {
          200: { type: 'object', properties: { matches: { type: 'array', items: matchSchema } } },
          ...errorResponses(400, 401, 500),
        },
      },
    },
    async (request) => {
      const range = parseRange(request.query);
      const matches = await ctx.queries.runTask(request.principal!.user, undefined, (signal) =>
        computeMatches(ctx.store, undefined, { ...range, minConfidence: request.query.minConfidence, signal }),
      );
      return { matches };
    },
  );
}
