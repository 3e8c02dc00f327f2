/** GET /api/freshness: up to when the collected data is complete, so charts can mark what is still arriving. */
import type { FastifyInstance } from 'fastify';
import { collectorStatus } from '../../collect/index.js';
import type { AppContext } from '../app-context.js';
import { isFailing } from './collector-routes.js';
import { errorResponses } from './schemas.js';

/** One configured, enabled collector: rows received up to `completeUpTo` are all stored. */
export interface CollectorFreshness {
  name: string;
  completeUpTo: string | null;
  lastSuccessAt: string | null;
  /** The last pass failed (after the last success, or with none yet): shown red with its error, never as a first pass. */
  lastError: { message: string; code: string; at: string } | null;
}

/** The answer of /api/freshness. */
export interface Freshness {
  /** The earliest complete-up-to time of the collectors; null when nothing is being collected (imported data is settled). */
  settledUntil: string | null;
  collectors: CollectorFreshness[];
}

const nullableTime = { type: ['string', 'null'], description: 'ISO 8601' } as const;

const freshnessSchema = {
  type: 'object',
  properties: {
    settledUntil: { ...nullableTime, description: 'rows received after this time may still arrive (ISO 8601); null: all data is settled' },
    collectors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          completeUpTo: nullableTime,
          lastSuccessAt: nullableTime,
          lastError: {
            type: ['object', 'null'],
            description: 'set while the last pass failed',
            properties: { message: { type: 'string' }, code: { type: 'string' }, at: { type: 'string' } },
          },
        },
        required: ['name', 'completeUpTo', 'lastSuccessAt', 'lastError'],
      },
    },
  },
  required: ['settledUntil', 'collectors'],
} as const;

/**
 * Freshness from the collectors' recorded state. A collector that has not completed a window yet has stored
 * nothing it vouches for, so it does not move `settledUntil`; it is listed with `completeUpTo: null`.
 */
export async function readFreshness(ctx: Pick<AppContext, 'config' | 'store'>): Promise<Freshness> {
  const enabled = ctx.config.collectors.filter((c) => c.enabled !== false).map((c) => c.name);
  const status = new Map((await collectorStatus(ctx.store)).map((s) => [s.name, s]));
  const collectors = enabled.map((name) => {
    const s = status.get(name);
    return {
      name,
      completeUpTo: s?.completeUpTo ?? null,
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastError: isFailing(s) ? { message: s!.lastError!.message, code: s!.lastError!.code, at: s!.lastError!.at } : null,
    };
  });
  let earliest: { at: number; text: string } | undefined;
  for (const c of collectors) {
    const at = c.completeUpTo === null ? NaN : Date.parse(c.completeUpTo);
    if (!Number.isNaN(at) && (earliest === undefined || at < earliest.at)) earliest = { at, text: c.completeUpTo! };
  }
  return { settledUntil: earliest?.text ?? null, collectors };
}

/** Register /api/freshness (every signed-in role). */
export function registerFreshnessRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/freshness',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Up to when the data is complete: the earliest of the enabled collectors' complete-up-to times",
        response: { 200: freshnessSchema, ...errorResponses(401) },
      },
    },
    async () => readFreshness(ctx),
  );
}
