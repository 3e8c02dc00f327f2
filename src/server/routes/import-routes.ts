/**
 * Files imported without a command line: POST /api/imports/upload (analysts and admins) ingests one uploaded
 * export file and answers ingest's per-file report; GET /api/imports lists the recent uploads and drop-folder files.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { createEnricher, type Enricher } from '../../enrich/index.js';
import type { ReasonJson } from '../../formats/index.js';
import { importEntries, ingestPaths, recentImports, recordImports } from '../../ingest/index.js';
import { parseStoreUrl } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import { BadRequestError, PayloadTooLargeError } from '../errors.js';
import { errorResponses } from './schemas.js';

/** The largest upload accepted (an EAC export of a busy month is a few hundred MB). */
export const UPLOAD_LIMIT = 1024 ** 3;

const countsSchema = {
  read: { type: 'integer' },
  ingested: { type: 'integer' },
  updated: { type: 'integer' },
  duplicates: { type: 'integer' },
  rejected: { type: 'integer' },
} as const;

// A reject reason: its stable code and parameters (the web app writes the text in the viewer's language).
const reasonSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
} as const;

const importSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    via: { type: 'string', enum: ['drop-folder', 'upload'] },
    user: { type: 'string' },
    at: { type: 'string' },
    format: { type: ['string', 'null'] },
    ...countsSchema,
    error: { type: 'string' },
    errorReason: reasonSchema,
    movedTo: { type: 'string' },
    rejectFile: { type: ['string', 'null'] },
    rejectFileError: { type: 'string' },
    rejectFileErrorReason: reasonSchema,
  },
} as const;

const reportSchema = {
  type: 'object',
  properties: {
    files: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          format: { type: ['string', 'null'] },
          ...countsSchema,
          error: { type: 'string' },
          errorReason: reasonSchema,
          reasons: {
            type: 'array',
            items: { type: 'object', properties: { ...reasonSchema.properties, reason: { type: 'string' }, count: { type: 'integer' } } },
          },
        },
      },
    },
    totals: { type: 'object', properties: { ...countsSchema, events: { type: 'integer' } } },
    rejectFile: { type: ['string', 'null'] },
    rejectFileError: { type: 'string' },
    rejectFileErrorReason: reasonSchema,
  },
} as const;

/** A reason with the temporary path in its parameters replaced by the name the file was sent with. */
function renamed(why: ReasonJson, file: string, name: string): ReasonJson {
  const quoted = (s: string) => JSON.stringify(s).slice(1, -1);
  return JSON.parse(JSON.stringify(why).split(quoted(file)).join(quoted(name))) as ReasonJson;
}

/** Register /api/imports and /api/imports/upload. */
export function registerImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  let enricher: Promise<Enricher> | undefined;
  const getEnricher = () => (enricher ??= createEnricher({ organization: ctx.config.organization, geoip: ctx.config.geoip }));

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Recent uploads and drop-folder files, newest first, with their counts',
        response: {
          200: {
            type: 'object',
            properties: { watch: { type: ['string', 'null'] }, imports: { type: 'array', items: importSchema } },
            required: ['watch', 'imports'],
          },
          ...errorResponses(401),
        },
      },
    },
    async () => ({ watch: ctx.config.ingest?.watch ?? null, imports: await recentImports(ctx.store) }),
  );

  // The body of an upload is the file itself, streamed to disk rather than held in memory.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post<{ Headers: { 'x-file-name'?: string } }>(
    '/api/imports/upload',
    {
      config: { access: 'analyst' as const },
      schema: {
        tags: ['ingest'],
        summary: 'Ingest one export file (body: the file, Content-Type application/octet-stream, X-File-Name: its name)',
        response: { 200: reportSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const name = fileName(request.headers['x-file-name']);
      const dir = await mkdtemp(join(tmpdir(), 'mailsift-upload-'));
      const file = join(dir, name);
      try {
        await pipeline(request.body as Readable, limit(UPLOAD_LIMIT), createWriteStream(file, { mode: 0o600 }));
        const e = await getEnricher();
        const report = await ingestPaths([file], {
          store: ctx.store,
          enrich: (r) => e.enrich(r),
          dimensions: e,
          rejectFile: rejectFile(ctx, name),
        });
        // The temporary path is this server's business: the report names the file as it was sent.
        const shown = {
          ...report,
          files: report.files.map((f) => ({
            ...f,
            path: name,
            ...(f.error ? { error: f.error.split(file).join(name) } : {}),
            ...(f.errorReason ? { errorReason: renamed(f.errorReason, file, name) } : {}),
          })),
        };
        await recordImports(
          ctx.store,
          importEntries(shown, { name, via: 'upload', user: request.principal?.user, at: new Date().toISOString() }),
        );
        return shown;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}

/** The uploaded file's own name, without any folder part (never a path on this server). */
function fileName(header: string | undefined): string {
  let name = '';
  try {
    name = basename(decodeURIComponent(header ?? '').replace(/\\/g, '/'));
  } catch {
    throw new BadRequestError('X-File-Name is not valid URI-encoded text', { reason: 'file-name' });
  }
  if (!name || name.startsWith('.') || name.length > 200)
    throw new BadRequestError('X-File-Name must name the uploaded file', { reason: 'file-name' });
  return name;
}

/** Rejects go beside a DuckDB store file (as with `mailsift ingest`), else into the temporary folder. */
function rejectFile(ctx: AppContext, name: string): string {
  const parsed = ctx.config.store ? parseStoreUrl(ctx.config.store) : undefined;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = parsed?.engine === 'duckdb' && parsed.path !== ':memory:' ? join(dirname(parsed.path), 'rejects') : tmpdir();
  return join(dir, `upload-${stamp}-${name}.rejects.ndjson`);
}

function limit(bytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > bytes)
        done(
          new PayloadTooLargeError(`the file is larger than ${bytes / 1024 ** 2} MB; use mailsift ingest or the drop folder`, {
            reason: 'file-too-large',
            params: { megabytes: bytes / 1024 ** 2 },
          }),
        );
      else done(null, chunk);
    },
  });
}
