/** Findings of the detection rules: the list (filters, counts per state), one finding with its related ones, its history and its evidence rows. */
import type { FastifyInstance } from 'fastify';
import {
  FINDING_STATES,
  RULE_IDS,
  SEVERITIES,
  countFindingsByState,
  findingTimeline,
  getFinding,
  listFindings,
  relatedFindings,
  type FindingFilter,
  type StoredFinding,
} from '../../detect/index.js';
import type { AppContext } from '../app-context.js';
import { NotFoundError } from '../errors.js';
import { parseRange } from '../request-time.js';
import { errorResponses, queryResultSchema, timeRangeProperties } from './schemas.js';

/** Most evidence rows shown in place (the Explorer and the export read the rest). */
const EVIDENCE_ROWS = 500;

export const findingSchema = {
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
    assignee: { type: 'string' },
  },
} as const;

const countsSchema = {
  type: 'object',
  properties: Object.fromEntries(FINDING_STATES.map((s) => [s, { type: 'integer' }])),
} as const;

export const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } } as const;

/** The stored finding, or 404. */
export async function findingOr404(ctx: AppContext, id: string): Promise<StoredFinding> {
  const f = await getFinding(ctx.store, id);
  if (!f) throw new NotFoundError(`no finding ${id}`, { reason: 'no-finding', params: { id } });
  return f;
}

interface ListQuery {
  from?: string;
  to?: string;
  state?: (typeof FINDING_STATES)[number];
  severity?: (typeof SEVERITIES)[number];
  rule?: (typeof RULE_IDS)[number];
  assignee?: string;
  id?: string;
  limit?: number;
  offset?: number;
}

/** Register the read routes of /api/findings. */
export function registerFindingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/findings',
    {
      schema: {
        tags: ['findings'],
        summary: 'Findings, newest first, with how many match the other filters in each state',
        querystring: {
          type: 'object',
          properties: {
            ...timeRangeProperties,
            state: { type: 'string', enum: [...FINDING_STATES] },
            severity: { type: 'string', enum: [...SEVERITIES] },
            rule: { type: 'string', enum: [...RULE_IDS] },
            assignee: { type: 'string', maxLength: 200, description: 'findings assigned to this user now' },
            id: { type: 'string', maxLength: 200, description: 'one finding, whatever the time range (links in alerts)' },
            limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
        response: {
          200: { type: 'object', properties: { findings: { type: 'array', items: findingSchema }, counts: countsSchema } },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.id) {
        const one = await getFinding(ctx.store, q.id);
        const findings = one && (!q.state || one.state === q.state) ? [one] : [];
        return { findings, counts: Object.fromEntries(FINDING_STATES.map((s) => [s, one?.state === s ? 1 : 0])) };
      }
      const range = parseRange(q);
      const filter: FindingFilter = {
        ...(range.from !== undefined ? { from: range.from } : {}),
        ...(range.to !== undefined ? { to: range.to } : {}),
        ...(q.rule ? { rule: q.rule } : {}),
        ...(q.severity ? { severity: q.severity } : {}),
        ...(q.assignee ? { assignee: q.assignee } : {}),
      };
      const [findings, counts] = await Promise.all([
        listFindings(ctx.store, { ...filter, ...(q.state ? { state: q.state } : {}), limit: q.limit ?? 500, offset: q.offset ?? 0 }),
        countFindingsByState(ctx.store, filter),
      ]);
      return { findings, counts };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/findings/:id',
    {
      schema: {
        tags: ['findings'],
        summary: 'One finding with the findings related to it (same sender, sender domain or IP within 30 days)',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              finding: findingSchema,
              related: {
                type: 'array',
                items: { type: 'object', properties: { finding: findingSchema, shared: { type: 'array', items: { type: 'string' } } } },
              },
            },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => {
      const finding = await findingOr404(ctx, request.params.id);
      return { finding, related: await relatedFindings(ctx.store, finding) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/findings/:id/history',
    {
      schema: {
        tags: ['findings'],
        summary: "A finding's history: state changes, assignments and notes (who and when), oldest first",
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              history: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { kind: { type: 'string' }, value: { type: 'string' }, by: { type: 'string' }, at: { type: 'string' } },
                },
              },
            },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => {
      await findingOr404(ctx, request.params.id);
      return { history: await findingTimeline(ctx.store, request.params.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/findings/:id/evidence',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: `The evidence rows of a finding (its query; at most ${EVIDENCE_ROWS} rows, the export has the rest)`,
        params: idParams,
        response: { 200: queryResultSchema, ...errorResponses(400, 401, 403, 404, 500, 503, 504) },
      },
    },
    async (request) => {
      const finding = await findingOr404(ctx, request.params.id);
      return ctx.queries.run({ query: finding.query, user: request.principal!.user, rowLimit: EVIDENCE_ROWS });
    },
  );
}
