/** Parsing of the time-range parameters of API requests (ISO 8601 strings or ms since the epoch). */
import { parseTime } from '../schema/index.js';
import { BadRequestError } from './errors.js';

/** The times a range may name: 1970-01-01 to the end of 9999 (beyond, dates can't be written in ISO 8601 or SQL). */
export const EARLIEST_TIME = 0;
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Ms since the epoch for an optional `from`/`to` value; BadRequestError naming the parameter when unreadable or out of range. */
export function parseRequestTime(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let t = NaN;
  if (typeof value === 'number') t = value;
  else if (typeof value === 'string') t = /^\d{1,20}$/.test(value) ? Number(value) : parseTime(value);
  if (Number.isNaN(t) || !Number.isFinite(t))
    throw new BadRequestError(`${name} must be an ISO 8601 time such as 2026-11-01T00:00:00Z`, { reason: 'time', params: { name } });
  if (t < EARLIEST_TIME || t > LATEST_TIME)
    throw new BadRequestError(`${name} is out of range: give a time between 1970-01-01 and 9999-12-31`, {
      reason: 'time-range',
      params: { name },
    });
  return Math.trunc(t);
}

/** Both ends of a range; `from` must come before `to`. */
export function parseRange(query: { from?: unknown; to?: unknown }): { from?: number; to?: number } {
  const from = parseRequestTime('from', query.from);
  const to = parseRequestTime('to', query.to);
  if (from !== undefined && to !== undefined && from >= to)
    throw new BadRequestError('from must be before to', { reason: 'from-after-to' });
  return { from, to };
}
