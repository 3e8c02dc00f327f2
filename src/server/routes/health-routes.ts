/** GET /api/health: liveness for load balancers and monitoring; the one route besides sign-in open to all. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { VERSION } from '../package-root.js';

/** Register /api/health. */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its store answer',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, version: { type: 'string' }, store: { type: 'string' } },
            required: ['status', 'version', 'store'],
          },
          503: { type: 'object', properties: { status: { type: 'string' }, version: { type: 'string' }, store: { type: 'string' } } },
        },
      },
    },
    async (_request, reply) => {
      const ok = await ctx.store.ping().then(
        () => true,
        () => false,
      );
      // The store's engine only, never its location (paths and hosts are not for anonymous callers).
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version: VERSION,
        store: ok ? `${ctx.store.dialect}: ok` : `${ctx.store.dialect}: unavailable`,
      });
    },
  );
}
