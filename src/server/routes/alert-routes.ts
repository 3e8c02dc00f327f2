/**
 * Alert rules and destinations managed in the web app (admins only): the catalog of file, app and built-in
 * entries, create / change / remove the app's, and "send a test alert now". Secrets never leave masked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AlertConfigError,
  AlertDefinitionConflictError,
  AlertRuleError,
  DESTINATION_TYPES,
  DETECTION_RULE_IDS,
  SEVERITIES,
  UnknownAlertNameError,
  deleteAlertEntry,
  loadAlertCatalog,
  recentDeliveries,
  saveAlertDestination,
  saveAlertRule,
  sendRuleTestAlert,
  sendTestAlert,
  type ManageContext,
} from '../../alerts/index.js';
import type { AppContext } from '../app-context.js';
import { alertRuleReason } from '../alert-rule-reason.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { errorResponses } from './schemas.js';

const definitionBody = {
  type: 'object',
  properties: {
    definition: { type: 'object', description: 'the entry with the keys of mailsift.yaml (docs/alerts.md)' },
    useForBuiltInRules: { type: 'boolean', description: 'destinations: switch the built-in rules that are off on, sending here' },
  },
  required: ['definition'],
  additionalProperties: false,
} as const;
const nameParams = { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['name'] } as const;
const ok = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;

/** The alerting errors a change can meet, as API errors (their messages name the key, never a secret). */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AlertRuleError) throw new BadRequestError(error.message, alertRuleReason(error));
    if (error instanceof AlertConfigError) throw new BadRequestError(error.message, error.why);
    if (error instanceof AlertDefinitionConflictError) throw new ConflictError(error.message, error.why);
    if (error instanceof UnknownAlertNameError) throw new NotFoundError(error.message, error.why);
    throw error;
  }
}

/** Register /api/alerts/... */
export function registerAlertRoutes(app: FastifyInstance, ctx: AppContext): void {
  const admin = { access: 'admin' as const };
  const manage = (request: FastifyRequest): ManageContext => ({
    store: ctx.store,
    fileSection: ctx.config.alerts,
    user: request.principal!.user,
    now: Date.now(),
  });
  const alerting = { store: ctx.store, config: ctx.config };
  const changed = () => ctx.alertsChanged?.();

  app.get(
    '/api/alerts',
    {
      config: admin,
      schema: {
        tags: ['alerts'],
        summary:
          'Alert rules and destinations from mailsift.yaml (read-only; the file wins), the app and the built-in rules; secrets masked',
        response: { ...errorResponses(401, 403) },
      },
    },
    async () => {
      const catalog = await loadAlertCatalog(ctx.store, ctx.config.alerts);
      return {
        rules: catalog.rules,
        destinations: catalog.destinations,
        destinationTypes: DESTINATION_TYPES.map((t) => t.type),
        detections: DETECTION_RULE_IDS,
        severities: SEVERITIES,
        deliveries: await recentDeliveries(ctx.store, { limit: 50 }),
      };
    },
  );

  for (const kind of ['rule', 'destination'] as const) {
    const base = `/api/alerts/${kind}s`;
    const save = (request: FastifyRequest<{ Body: { definition: unknown; useForBuiltInRules?: boolean } }>, name?: string) =>
      translated(async () => {
        const mode = name === undefined ? ({ create: true } as const) : ({ create: false, name } as const);
        if (kind === 'rule') await saveAlertRule(manage(request), request.body.definition, mode);
        else
          await saveAlertDestination(manage(request), request.body.definition, mode, {
            useForBuiltInRules: request.body.useForBuiltInRules === true,
          });
        changed();
        return { ok: true };
      });

    app.post<{ Body: { definition: unknown; useForBuiltInRules?: boolean } }>(
      base,
      {
        config: admin,
        schema: {
          tags: ['alerts'],
          summary: `Make an alert ${kind} (checked like mailsift.yaml)`,
          body: definitionBody,
          response: { 200: ok, ...errorResponses(400, 401, 403, 409) },
        },
      },
      (request) => save(request),
    );

    app.put<{ Params: { name: string }; Body: { definition: unknown; useForBuiltInRules?: boolean } }>(
      `${base}/:name`,
      {
        config: admin,
        schema: {
          tags: ['alerts'],
          summary: `Change an alert ${kind} made in the app (or switch on a built-in rule); masked secrets sent back are kept`,
          params: nameParams,
          body: definitionBody,
          response: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      (request) => save(request, request.params.name),
    );

    app.delete<{ Params: { name: string } }>(
      `${base}/:name`,
      {
        config: admin,
        schema: {
          tags: ['alerts'],
          summary: `Remove an alert ${kind} made in the app`,
          params: nameParams,
          response: { 200: ok, ...errorResponses(401, 403, 404, 409) },
        },
      },
      (request) =>
        translated(async () => {
          await deleteAlertEntry(manage(request), kind, request.params.name);
          changed();
          return { ok: true };
        }),
    );

    app.post<{ Params: { name: string } }>(
      `${base}/:name/test`,
      {
        config: admin,
        schema: {
          tags: ['alerts'],
          summary: kind === 'rule' ? "Send a test alert now to the rule's destinations" : 'Send a test alert now to this destination',
          params: nameParams,
          response: { ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) =>
        translated(async () => ({
          deliveries:
            kind === 'rule' ? await sendRuleTestAlert(alerting, request.params.name) : [await sendTestAlert(alerting, request.params.name)],
        })),
    );
  }
}
