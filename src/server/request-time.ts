/** Parsing of the time-range parameters of API requests (ISO 8601 strings or ms since the epoch). */
import { parseTime } from '../schema/index.js';
import { BadRequestError } from './errors.js';

/** Ms since the epoch for an optional `from`/`to` value; BadRequestError naming the parameter when unreadable. */
export function parseRequestTime(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const t = /^\d+$/.test(value) ? Number(value) : parseTime(value);
    if (!Number.isNaN(t)) return t;
  }
  throw new BadRequestError(`${name} must be an ISO 8601 time such as 2026-11-01T00:00:00Z`);
}

/** Both ends of a range; `from` must come before `to`. */
export function parseRange(query: { from?: unknown; to?: unknown }): { from?: number; to?: number } {
  const from = parseRequestTime('from', query.from);
  const to = parseRequestTime('to', query.to);
  if (from !== undefined && to !== undefined && from >= to) throw new BadRequestError('from must be before to');
  return { from, to };
}
