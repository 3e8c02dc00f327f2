/** The filter chips as request parameters: a JSON body property, or repeated query-string parameters. */
import { FILTER_NAMES, type Filters } from '../dashboards/filter-kql.js';

/** `filters` of a JSON body: each filter name with its values. */
export const filtersSchema = {
  type: 'object',
  properties: Object.fromEntries(FILTER_NAMES.map((n) => [n, { type: 'array', items: { type: 'string', maxLength: 512 }, maxItems: 50 }])),
  additionalProperties: false,
} as const;

/** Query-string properties of the filters (`status=Delivered&status=Failed&sender=a@b`). */
export const filterQueryProperties = Object.fromEntries(
  FILTER_NAMES.map((n) => [n, { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }]),
);

/** Filters from query-string parameters. */
export function filtersFromQuery(query: Record<string, unknown>): Filters {
  const out: Filters = {};
  for (const n of FILTER_NAMES) {
    const v = query[n];
    if (v === undefined) continue;
    out[n] = (Array.isArray(v) ? v : [v]).map(String).slice(0, 50);
  }
  return out;
}
