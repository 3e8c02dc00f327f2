/**
 * Filter chips (status, sender, ...) as KQL predicates, applied on the syntax tree after every table that has
 * their columns. Values are quoted so no text can break out of its literal. Values people type work as they
 * expect: `*` wildcards in addresses and domains, statuses and directions in any case, countries by code or name.
 */
import { applyTableFilters, kqlString, type FilteredQuery, type TableFilter } from '../../kql/index.js';
import { FILTER_COLUMNS, FILTER_NAMES, normalizeStatus, type FilterName, type Filters } from '../../schema/index.js';
import { countryCode } from './country-names.js';

export { kqlString, FILTER_NAMES };
export type { Filters, FilterName };

const DIRECTIONS = ['Inbound', 'Outbound', 'Internal', 'External'];
const WILDCARDS: ReadonlySet<FilterName> = new Set(['sender', 'recipient', 'domain']);

/** Values are compared as stored: addresses and domains lower-case, countries as codes, statuses and directions capitalised. */
export function normaliseFilterValue(name: FilterName, value: string): string {
  const v = value.trim();
  switch (name) {
    case 'country':
    case 'fromCountry':
    case 'toCountry':
      return countryCode(v);
    case 'status':
      return normalizeStatus(v) ?? v;
    case 'direction':
      return DIRECTIONS.find((d) => d.toLowerCase() === v.toLowerCase()) ?? v;
    default:
      return v.toLowerCase();
  }
}

function regexLiteral(s: string): string {
  return s.replace(/[\\.+?()|[\]{}^$]/g, '\\$&');
}

/** A `*` pattern over one column: the cheapest operator that says it. */
function patternTest(column: string, pattern: string): string {
  const inner = pattern.slice(1, -1);
  if (!pattern.slice(1).includes('*')) return `${column} endswith_cs ${kqlString(pattern.slice(1))}`;
  if (!pattern.slice(0, -1).includes('*')) return `${column} startswith_cs ${kqlString(pattern.slice(0, -1))}`;
  if (pattern.startsWith('*') && pattern.endsWith('*') && !inner.includes('*')) return `${column} contains_cs ${kqlString(inner)}`;
  const regex = `^${pattern.split('*').map(regexLiteral).join('.*')}$`;
  return `${column} matches regex ${kqlString(regex)}`;
}

/** The predicate of one filter, or undefined when it lets every row through (no values, or `*`). */
export function filterPredicate(name: FilterName, raw: readonly string[]): string | undefined {
  const values = [...new Set(raw.map((v) => normaliseFilterValue(name, v)).filter((v) => v !== ''))];
  if (values.length === 0 || (WILDCARDS.has(name) && values.some((v) => /^\*+$/.test(v)))) return undefined;
  const patterns = WILDCARDS.has(name) ? values.filter((v) => v.includes('*')) : [];
  const exact = values.filter((v) => !patterns.includes(v));
  const tests: string[] = [];
  for (const column of FILTER_COLUMNS[name]) {
    if (exact.length === 1) tests.push(`${column} == ${kqlString(exact[0]!)}`);
    if (exact.length > 1) tests.push(`${column} in (${exact.map((v) => kqlString(v)).join(', ')})`);
    for (const p of patterns) tests.push(patternTest(column, p));
  }
  return tests.join(' or ');
}

/** The active filters as predicates over MessageTrace columns, in FILTER_NAMES order. */
export function tableFilters(filters: Filters): TableFilter[] {
  const out: TableFilter[] = [];
  for (const name of FILTER_NAMES) {
    const predicate = filterPredicate(name, filters[name] ?? []);
    if (predicate !== undefined) out.push({ name, columns: FILTER_COLUMNS[name], predicate });
  }
  return out;
}

/** A query with the filters applied after every table that has their columns, and the filters it could not take. */
export function applyFilters(kql: string, filters: Filters): FilteredQuery {
  return applyTableFilters(kql, tableFilters(filters));
}
