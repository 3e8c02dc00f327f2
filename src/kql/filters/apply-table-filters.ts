/**
 * Adds `where` clauses to a query right after every reference to a table that has the clause's columns:
 * the body's source, `join` and `union` operands, `let` bindings and subqueries of `in (...)`. Positions come
 * from the parser, so no text inside a literal or a comment is ever taken for a table name.
 */
import type { QueryNode, TableRefNode } from '../ast/index.js';
import { TABLES } from '../../schema/index.js';
import { tokenize } from '../syntax/lexer.js';
import { parseQuery } from '../syntax/parse-query.js';
import type { Token } from '../syntax/token.js';

/** One filter: a KQL predicate over `columns`, applied to tables that have all of them. */
export interface TableFilter {
  /** Reported back when no table of the query could take it. */
  readonly name: string;
  readonly columns: readonly string[];
  /** A KQL predicate (the text after `where`). */
  readonly predicate: string;
}

/** The query with the filters in, and the names of the filters no table of it could take. */
export interface FilteredQuery {
  readonly kql: string;
  readonly unfiltered: string[];
}

interface Site {
  /** Offsets of the table name's token. */
  readonly start: number;
  readonly end: number;
  readonly table: string;
  /** A bare operand of `union`/`join`: the filtered table needs parentheses. */
  readonly wrap: boolean;
}

/** Apply `filters` to every table reference of `kql` that has their columns. A query that does not parse is left as it is. */
export function applyTableFilters(kql: string, filters: readonly TableFilter[]): FilteredQuery {
  if (filters.length === 0) return { kql, unfiltered: [] };
  let query: QueryNode;
  let tokens: Token[];
  try {
    query = parseQuery(kql);
    tokens = tokenize(kql);
  } catch {
    return { kql, unfiltered: filters.map((f) => f.name) };
  }
  const sites = tableSites(query, tokens);
  const applied = new Set<string>();
  let out = kql;
  // From the end backwards, so earlier offsets stay valid.
  for (const site of [...sites].sort((a, b) => b.start - a.start)) {
    const columns = new Set(TABLES[site.table]!.columns.map((c) => c.name));
    const fitting = filters.filter((f) => f.columns.every((c) => columns.has(c)));
    if (fitting.length === 0) continue;
    for (const f of fitting) applied.add(f.name);
    const name = out.slice(site.start, site.end);
    const wheres = fitting.map((f) => `| where ${f.predicate}`).join(' ');
    const text = site.wrap ? `(${name} ${wheres})` : `${name} ${wheres}`;
    out = out.slice(0, site.start) + text + out.slice(site.end);
  }
  return { kql: out, unfiltered: filters.filter((f) => !applied.has(f.name)).map((f) => f.name) };
}

/** Every reference to a stored table (not a `let` name) in the query. */
function tableSites(query: QueryNode, tokens: readonly Token[]): Site[] {
  const letNames = new Set(query.lets.map((l) => l.name));
  const byOffset = new Map(tokens.map((t, i) => [t.offset, i]));
  const sites: Site[] = [];
  const bareOperands = new Set<TableRefNode>();
  const add = (start: number, table: string, wrap: boolean) => {
    const i = byOffset.get(start);
    if (i === undefined || letNames.has(table) || !TABLES[table]) return;
    sites.push({ start, end: tokens[i]!.end, table, wrap });
  };
  const precededByParen = (offset: number) => {
    const i = byOffset.get(offset);
    const before = i === undefined || i === 0 ? undefined : tokens[i - 1];
    return before?.kind === 'punct' && before.text === '(';
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { kind?: string } & Record<string, unknown>;
    if (n.kind === 'Union' || n.kind === 'Join') {
      const operands = (n.kind === 'Union' ? n['tables'] : [n['right']]) as { source: { kind: string }; operators: unknown[] }[];
      for (const p of operands) {
        if (p.source.kind === 'TableRef' && p.operators.length === 0 && !precededByParen((p.source as TableRefNode).pos))
          bareOperands.add(p.source as TableRefNode);
      }
    }
    if (n.kind === 'TableRef') {
      const ref = n as unknown as TableRefNode;
      add(ref.pos, ref.name, bareOperands.has(ref));
      return;
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  for (const l of query.lets) {
    // `let x = MessageTrace;` binds a table by a bare name.
    if (l.value.kind === 'Name' && !l.value.bracketed) add(l.value.pos, l.value.name, false);
    else visit(l.value);
  }
  visit(query.body);
  return sites;
}
