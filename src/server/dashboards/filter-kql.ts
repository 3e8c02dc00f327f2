/** Filter chips (status, sender, ...) as KQL `where` clauses; values are quoted so no text can break out of its literal. */
import { kqlString } from '../../kql/index.js';
import type { FilterName } from './dashboard-schema.js';

export { kqlString };

/** Active filters: each name may hold several values (OR within a name, AND across names). */
export type Filters = Partial<Record<FilterName, string[]>>;

export const FILTER_NAMES: readonly FilterName[] = ['status', 'sender', 'recipient', 'domain', 'direction', 'country'];

const COLUMNS: Readonly<Record<FilterName, string[]>> = {
  status: ['Status'],
  sender: ['SenderAddress'],
  recipient: ['RecipientAddress'],
  domain: ['SenderDomain', 'RecipientDomain'],
  direction: ['Direction'],
  country: ['FromCountry', 'ToCountry'],
};

/** Values are compared as stored: addresses and domains lower-case, countries upper-case. */
function normalise(name: FilterName, value: string): string {
  if (name === 'country') return value.toUpperCase();
  if (name === 'sender' || name === 'recipient' || name === 'domain') return value.toLowerCase();
  return value;
}

/** The `where` clauses (without the leading pipe) for a set of filters over MessageTrace. */
export function filterClauses(filters: Filters): string[] {
  const clauses: string[] = [];
  for (const name of FILTER_NAMES) {
    const values = [...new Set((filters[name] ?? []).filter((v) => v !== ''))];
    if (values.length === 0) continue;
    const list = values.map((v) => kqlString(normalise(name, v))).join(', ');
    const tests = COLUMNS[name].map((c) => (values.length === 1 ? `${c} == ${list}` : `${c} in (${list})`));
    clauses.push(`where ${tests.join(' or ')}`);
  }
  return clauses;
}

/** A MessageTrace query with the filters applied right after its first table reference. */
export function applyFilters(kql: string, filters: Filters): string {
  const clauses = filterClauses(filters);
  if (clauses.length === 0) return kql;
  const m = /^\s*MessageTrace\b/.exec(kql);
  if (!m) return kql;
  return `MessageTrace\n${clauses.map((c) => `| ${c}`).join('\n')}${kql.slice(m[0].length)}`;
}
