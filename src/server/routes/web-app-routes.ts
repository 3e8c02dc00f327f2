/** The built web app (dist/web): static files, and index.html for the app's own paths (/overview, /explorer, ...). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AuthRequiredError, NotFoundError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>mailsift</title><p>The web app is not built. Run <code>npm run build</code>, then restart the server.</p>`;

/** Register the static files and the fallback that answers unknown paths. */
export async function registerWebAppRoutes(app: FastifyInstance, webRoot: string = DEFAULT_WEB_ROOT): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: false,
      setHeaders: (res, path) => {
        // Vite puts a content hash in every asset name: they never change.
        res.header('cache-control', path.includes(`${join(webRoot, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const indexHtml = () => (built ? readFileSync(indexFile, 'utf8') : NOT_BUILT);

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api') {
      // Signed out, unknown API paths look like every other: 401.
      if (!request.principal) throw new AuthRequiredError();
      throw new NotFoundError('no such API route; /api/docs lists them', { reason: 'no-route' });
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml());
    }
    throw new NotFoundError('no such file', { reason: 'no-file' });
  });
}
