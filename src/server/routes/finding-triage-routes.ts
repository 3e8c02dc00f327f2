/** Working findings: state and assignee changes, notes, and acknowledging or closing many at once (analysts and admins). */
import type { FastifyInstance } from 'fastify';
import {
  FINDING_STATES,
  FindingNotFoundError,
  FindingTriageError,
  MAX_ASSIGNEE_CHARS,
  MAX_NOTE_CHARS,
  addFindingNote,
  assignFinding,
  findingTimeline,
  getFinding,
  updateFindingState,
  type FindingState,
} from '../../detect/index.js';
import type { AppContext } from '../app-context.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { errorResponses } from './schemas.js';
import { findingSchema, idParams } from './findings-routes.js';

/** Most findings one bulk change may name. */
const MAX_BULK = 500;

/** The same call, with the detections' errors as the API's. */
async function triage<T>(id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof FindingNotFoundError) throw new NotFoundError(`no finding ${id}`, { reason: 'no-finding', params: { id } });
    if (e instanceof FindingTriageError) throw new BadRequestError(e.message, e.why);
    throw e;
  }
}

/** Register the routes that change findings. */
export function registerFindingTriageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.patch<{ Params: { id: string }; Body: { state?: FindingState; assignee?: string } }>(
    '/api/findings/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: "Set a finding's state (open, acknowledged, closed) and/or its assignee ('' = nobody); records who and when",
        params: idParams,
        body: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: [...FINDING_STATES] },
            assignee: { type: 'string', maxLength: MAX_ASSIGNEE_CHARS },
          },
          minProperties: 1,
          additionalProperties: false,
        },
        response: { 200: findingSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const user = request.principal!.user;
      const { state, assignee } = request.body;
      if (state === undefined && assignee === undefined)
        throw new BadRequestError('send a state, an assignee or both', { reason: 'triage-nothing' });
      return triage(id, async () => {
        if (assignee !== undefined) await assignFinding(ctx.store, id, assignee, user);
        if (state !== undefined) await updateFindingState(ctx.store, id, state, user);
        request.log.info({ finding: id, state, assignee, user }, 'finding changed');
        const f = await getFinding(ctx.store, id);
        if (!f) throw new FindingNotFoundError(id);
        return f;
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/api/findings/:id/notes',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: 'Add a note to a finding (kept with who and when; shown as text)',
        params: idParams,
        body: {
          type: 'object',
          properties: { text: { type: 'string', minLength: 1, maxLength: MAX_NOTE_CHARS } },
          required: ['text'],
          additionalProperties: false,
        },
        response: { ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await triage(id, () => addFindingNote(ctx.store, id, request.body.text, request.principal!.user));
      request.log.info({ finding: id, user: request.principal!.user }, 'finding note added');
      return reply.code(201).send({ history: await findingTimeline(ctx.store, id) });
    },
  );

  app.post<{ Body: { ids: string[]; state: FindingState } }>(
    '/api/findings/bulk',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: `Set the state of up to ${MAX_BULK} findings at once (acknowledge or close a selection)`,
        body: {
          type: 'object',
          properties: {
            ids: { type: 'array', minItems: 1, maxItems: MAX_BULK, items: { type: 'string', maxLength: 200 } },
            state: { type: 'string', enum: [...FINDING_STATES] },
          },
          required: ['ids', 'state'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { updated: { type: 'integer' }, missing: { type: 'array', items: { type: 'string' } } },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const user = request.principal!.user;
      const missing: string[] = [];
      let updated = 0;
      for (const id of new Set(request.body.ids)) {
        try {
          await updateFindingState(ctx.store, id, request.body.state, user);
          updated++;
        } catch (e) {
          if (!(e instanceof FindingNotFoundError)) throw e;
          missing.push(id);
        }
      }
      request.log.info({ findings: updated, state: request.body.state, user }, 'findings changed in bulk');
      return { updated, missing };
    },
  );
}
