/** Findings of the detection rules: the list (with state) and state changes by analysts. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { kqlString } from '../dashboards/filter-kql.js';
import { FindingNotFoundError, updateFindingState } from '../../detect/index.js';
import { NotFoundError } from '../errors.js';
import { parseRange } from '../request-time.js';
import { errorResponses, timeRangeProperties } from './schemas.js';

const STATES = ['open', 'acknowledged', 'closed'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const COLUMNS = [
  'Id',
  'Rule',
  'Severity',
  'Title',
  'From',
  'To',
  'Count',
  'Entities',
  'Query',
  'Details',
  'State',
  'UpdatedBy',
  'UpdatedAt',
] as const;

const findingSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    rule: { type: 'string' },
    severity: { type: 'string' },
    title: { type: 'string' },
    from: { type: ['string', 'null'] },
    to: { type: ['string', 'null'] },
    count: { type: 'number' },
    entities: { type: 'object', additionalProperties: true },
    query: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
    state: { type: 'string' },
    updatedBy: { type: 'string' },
    updatedAt: { type: ['string', 'null'] },
  },
} as const;

function json(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const v = JSON.parse(value) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** A Findings row in the shape of DESIGN.md. */
function toFinding(row: readonly unknown[]): Record<string, unknown> {
  const get = (c: (typeof COLUMNS)[number]) => row[COLUMNS.indexOf(c)];
  return {
    id: String(get('Id') ?? ''),
    rule: String(get('Rule') ?? ''),
    severity: String(get('Severity') ?? ''),
    title: String(get('Title') ?? ''),
    from: get('From') ?? null,
    to: get('To') ?? null,
    count: Number(get('Count') ?? 0),
    entities: json(get('Entities')),
    query: String(get('Query') ?? ''),
    details: json(get('Details')),
    state: String(get('State') || 'open'),
    updatedBy: String(get('UpdatedBy') ?? ''),
    updatedAt: get('UpdatedAt') ?? null,
  };
}

/** Register /api/findings routes. */
export function registerFindingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { from?: string; to?: string; state?: string; severity?: string; rule?: string; id?: string; limit?: number } }>(
    '/api/findings',
    {
      schema: {
        tags: ['findings'],
        summary: 'Findings, newest first',
        querystring: {
          type: 'object',
          properties: {
            ...timeRangeProperties,
            state: { type: 'string', enum: [...STATES] },
            severity: { type: 'string', enum: [...SEVERITIES] },
            rule: { type: 'string', maxLength: 64 },
            id: { type: 'string', maxLength: 200, description: 'one finding, whatever the time range (links in alerts)' },
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
          },
        },
        response: {
          200: { type: 'object', properties: { findings: { type: 'array', items: findingSchema } } },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const range = q.id ? {} : parseRange(q);
      const where: string[] = [];
      if (q.id) where.push(`Id == ${kqlString(q.id)}`);
      if (q.state === 'open') where.push(`(State == "open" or State == "")`);
      else if (q.state) where.push(`State == ${kqlString(q.state)}`);
      if (q.severity) where.push(`Severity == ${kqlString(q.severity)}`);
      if (q.rule) where.push(`Rule == ${kqlString(q.rule)}`);
      const kql = [
        'Findings',
        ...where.map((w) => `| where ${w}`),
        `| project ${COLUMNS.join(', ')}`,
        '| sort by From desc',
        `| take ${q.limit ?? 500}`,
      ].join('\n');
      const result = await ctx.queries.run({ query: kql, ...range, user: request.principal!.user });
      return { findings: result.rows.map(toFinding) };
    },
  );

  app.patch<{ Params: { id: string }; Body: { state: (typeof STATES)[number] } }>(
    '/api/findings/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: 'Set the state of a finding (open, acknowledged, closed); records who and when',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } },
        body: {
          type: 'object',
          properties: { state: { type: 'string', enum: [...STATES] } },
          required: ['state'],
          additionalProperties: false,
        },
        response: { 200: findingSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const id = request.params.id;
      const user = request.principal!.user;
      try {
        const updated = await updateFindingState(ctx.store, id, request.body.state, user);
        request.log.info({ finding: id, state: request.body.state, user }, 'finding state changed');
        return updated;
      } catch (e) {
        if (e instanceof FindingNotFoundError) throw new NotFoundError(`no finding ${id}`);
        throw e;
      }
    },
  );
}
