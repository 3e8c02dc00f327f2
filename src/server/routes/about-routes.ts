/** GET /api/about: version and the data the app relies on, with the attributions their licences require. */
import type { FastifyInstance } from 'fastify';
import { createEnricher } from '../../enrich/index.js';
import type { AppContext } from '../app-context.js';
import { VERSION } from '../package-root.js';

/** Register /api/about (signed in). */
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
    async () => {
      // Opened once, on first use: the data info needs the files' metadata.
      geo ??= createEnricher({ geoip: ctx.config.geoip }).then((e) => e.dataInfo());
      return { version: VERSION, geoip: await geo };
    },
  );
}
