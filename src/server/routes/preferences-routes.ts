/** The signed-in user's language and time zone, remembered on the server so every browser shows the same. */
import type { FastifyInstance } from 'fastify';
import { organizationTimeZone } from '../../config/index.js';
import type { AppContext } from '../app-context.js';
import { LANGUAGES, type PreferencesChange } from '../preferences/user-preferences.js';
import { errorResponses } from './schemas.js';

const preferencesSchema = {
  type: 'object',
  properties: {
    language: { type: 'string', enum: [...LANGUAGES], description: 'absent: the browser decides' },
    timeZone: { type: 'string', description: 'IANA zone; absent: organizationTimeZone' },
    organizationTimeZone: { type: 'string', description: 'organization.timeZone of mailsift.yaml (the server zone when unset)' },
  },
  required: ['organizationTimeZone'],
} as const;

/** Register GET and PUT /api/preferences. */
export function registerPreferencesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const answer = (prefs: { language?: string; timeZone?: string }) => ({
    ...prefs,
    organizationTimeZone: organizationTimeZone(ctx.config),
  });

  app.get(
    '/api/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: "The signed-in user's language and time zone, and the organisation's zone",
        response: { 200: preferencesSchema, ...errorResponses(401) },
      },
    },
    async (request) => answer(await ctx.preferences.get(request.principal!.user)),
  );

  app.put<{ Body: PreferencesChange }>(
    '/api/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the language or time zone of the signed-in user (null goes back to the default)',
        body: {
          type: 'object',
          properties: {
            language: { anyOf: [{ type: 'string', enum: [...LANGUAGES] }, { type: 'null' }] },
            timeZone: { anyOf: [{ type: 'string', minLength: 1, maxLength: 64 }, { type: 'null' }] },
          },
          additionalProperties: false,
        },
        response: { 200: preferencesSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => answer(await ctx.preferences.update(request.principal!.user, request.body ?? {})),
  );
}
