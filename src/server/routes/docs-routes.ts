/** The OpenAPI document generated from the route schemas, at /api/docs (and /api/docs/json). */
import type { FastifyInstance } from 'fastify';

/** Register the docs routes (call after @fastify/swagger is registered). */
export function registerDocsRoutes(app: FastifyInstance): void {
  const handler = async () => app.swagger();
  const schema = { tags: ['docs'], summary: 'This OpenAPI document', hide: false };
  app.get('/api/docs', { schema }, handler);
  app.get('/api/docs/json', { schema }, handler);
}
