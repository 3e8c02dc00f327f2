/** GET /api/about: version and the data the app relies on, with the attributions their licences require. */
import type { FastifyInstance } from 'fastify';
import { createEnricher } from '../../enrich/index.js';
import type { AppContext } from '../app-context.js';
import { VERSION } from '../package-root.js';

/** A copy of `value` without `path` keys (at any depth). */
function withoutPaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPaths);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'path')
      .map(([k, v]) => [k, withoutPaths(v)]),
  );
}

/** Register /api/about (signed in; file paths for admins only). */
export function registerAboutRoutes(app: FastifyInstance, ctx: AppContext): void {
  let geo: Promise<unknown> | undefined;
  app.get(
    '/api/about',
    {
      schema: {
        tags: ['health'],
        summary: 'Version, and the GeoIP/ASN data in use with its build date, licence and attribution',
        response: {
          200: {
            type: 'object',
            properties: { version: { type: 'string' }, geoip: { type: 'object', additionalProperties: true } },
            required: ['version', 'geoip'],
          },
        },
      },
    },
    async (request) => {
      // Opened once, on first use: the data info needs the files' metadata.
      geo ??= createEnricher({ geoip: ctx.config.geoip }).then((e) => e.dataInfo());
      const info = await geo;
      // Where files live on the server is for admins only.
      return { version: VERSION, geoip: request.principal?.role === 'admin' ? info : withoutPaths(info) };
    },
  );
}
