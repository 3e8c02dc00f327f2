/**
 * A dashboard under a sender, recipient, domain or country chip reads few rows, but each panel's query would look for them in the
 * whole of MessageTrace again: on the 10.2M-row month about 20 ms a query to scan SenderAddress, and more to
 * decompress the wide columns of nearly every block, since one sender's rows are spread over all of them. So the
 * filtered rows of the range and of the period before it are kept once (Store.materializeRows), with the columns
 * the panels read, and the panels' queries read those.
 */
import { compileKql, KqlError } from '../../kql/index.js';
import { MessageTrace, type FilterName } from '../../schema/index.js';
import type { SqlDialectName } from '../../store/index.js';
import type { KeptRows, QueryService } from '../query/query-service.js';
import type { Panel } from './dashboard-schema.js';
import { applyFilters, tableFilters } from './filter-kql.js';
import { filteredPanelKql, keywordSubjectsKql, type PanelEnvironment, type PanelRequest } from './panel-runner.js';
import { previousPeriod } from './previous-period.js';

/**
 * Filters that usually keep few rows, and under which the per-sender, per-subject and per-message panels read the
 * rows: one person's mail, a partner domain's or a country's (the domains and countries summaries answer the counts,
 * sizes and series under them, and count the chip's rows first: past MAX_KEPT_ROWS, the organization's own domain
 * say, they are read from MessageTrace as before).
 */
const NARROW: readonly FilterName[] = ['sender', 'recipient', 'domain', 'country', 'fromCountry', 'toCountry'];

/** The most rows kept; past it (a wildcard that matches half the mail) the panels read MessageTrace. */
const MAX_KEPT_ROWS = 300_000;

/** Fewer queries over the rows than this, and finding the rows once saves nothing. */
const MIN_QUERIES = 3;

/**
 * Fewer rows in the range and the period before than this, and the panels find the chip's rows in the table about
 * as fast as the rows are kept (bench/kept-rows.ts, one sender's Overview, kept against not). DuckDB: 1.20x at 1M
 * synthetic rows, 0.98x at 3M, 0.56x on the 10.2M-row month. ClickHouse 18.16: 1.24x at 1M, 1.10x at 3M, 1.12x at
 * 10M (keeping reads the range with FINAL once, about as long as the panels' reads side by side), so never there by
 * default.
 */
export const KEEP_FROM_ROWS: Readonly<Record<SqlDialectName, number>> = {
  duckdb: 3_000_000,
  clickhouse: Number.POSITIVE_INFINITY,
};

/** When rows are kept: at most `maxRows`, and only from a table holding `fromRows` or more over the two periods. */
export interface KeepBounds {
  maxRows: number;
  fromRows: number;
}

/** The MessageTrace queries a panel runs with the request's filters (its value, sparkline and keyword subjects). */
function panelQueries(panel: Panel, request: PanelRequest, env: PanelEnvironment): string[] {
  if (panel.kind === 'intel-matches') return [];
  const texts = [panel.kql, ...(panel.kind === 'stat' && panel.sparkline ? [panel.sparkline] : [])];
  const filtered = texts.map((t) => filteredPanelKql(t, request, env).kql);
  return (panel.kind === 'keywords' ? filtered.map((t) => keywordSubjectsKql(t)) : filtered).filter((t) => /\bMessageTrace\b/.test(t));
}

/**
 * The MessageTrace columns `queries` read: each compiled on a growing set of columns until it compiles. A query
 * that fails for another reason adds nothing (it will read the table).
 */
export function keptColumns(queries: readonly string[], dialect: SqlDialectName, base: readonly string[]): string[] {
  const names = new Set(MessageTrace.columns.map((c) => c.name));
  const columns = new Set(base);
  for (const query of queries) {
    for (;;) {
      const tableSources = { [MessageTrace.name]: { sql: 'kept', columns: [...columns] } };
      try {
        compileKql(query, { dialect, tableSources });
        break;
      } catch (error) {
        const name = error instanceof KqlError && error.code === 'unknown-column' ? String(error.params.name ?? '') : '';
        if (!names.has(name) || columns.has(name)) break;
        columns.add(name);
      }
    }
  }
  return MessageTrace.columns.map((c) => c.name).filter((c) => columns.has(c));
}

/**
 * Keep the request's filtered MessageTrace rows over its range and the period before, for `panels`: undefined when
 * no narrow filter is on, the panels would read them too few times, the table holds too few rows there for it to
 * pay, the store cannot keep rows or they are too many.
 */
export async function keepFilteredRows(
  queries: QueryService,
  dialect: SqlDialectName,
  panels: readonly Panel[],
  request: PanelRequest,
  env: PanelEnvironment,
  bounds: KeepBounds = { maxRows: MAX_KEPT_ROWS, fromRows: KEEP_FROM_ROWS[dialect] },
): Promise<KeptRows | undefined> {
  const { from, to } = request;
  // MAILSIFT_KEPT_ROWS=off: every panel reads MessageTrace (to compare); =always: rows kept however few the table's.
  const mode = process.env.MAILSIFT_KEPT_ROWS;
  if (from === undefined || to === undefined || mode === 'off') return undefined;
  const filters = tableFilters(request.filters);
  if (!filters.some((f) => NARROW.includes(f.name as FilterName))) return undefined;
  const before = previousPeriod(from, to, request.timeZone).from;
  const texts = panels.flatMap((p) => panelQueries(p, request, env));
  // Queries the summary tables answer find no rows in the table; those that do must be enough for keeping to pay.
  // (Kept, the rows answer them all: one sender's few rows are read faster so than from the senders summary.)
  const reading = texts.filter((t) => !queries.answersFromSummaries(t, from, to) || !queries.answersFromSummaries(t, before, from));
  if (reading.length < MIN_QUERIES) return undefined;
  const signal = request.signal ? { signal: request.signal } : {};
  /** MessageTrace's rows under `chips`, and their count over the range and the period before (summary tables). */
  const countKql = (chips: PanelRequest['filters']) => applyFilters(`${MessageTrace.name} | count`, chips).kql;
  const count = async (query: string) => {
    const counted = await queries.run({ query, from: before, to, user: request.user, rowLimit: 1, ...signal });
    return Number(counted.rows[0]?.[0] ?? 0);
  };
  if (mode !== 'always') {
    if (bounds.fromRows === Number.POSITIVE_INFINITY) return undefined;
    if ((await count(countKql({}))) < bounds.fromRows) return undefined;
    // A domain's or a country's mail may well be more rows than are ever kept, and finding out by keeping them is
    // lost time: the domains or countries summary counts them first (a few ms). One person's mail rarely is; counting it from the senders
    // summary would cost more than it saves.
    const counted = !filters.some((f) => f.name === 'sender' || f.name === 'recipient');
    const chip = countKql(request.filters);
    if (counted && queries.answersFromSummaries(chip, before, to) && (await count(chip)) > bounds.maxRows) return undefined;
  }
  const columns = keptColumns(texts, dialect, ['Received', ...filters.flatMap((f) => f.columns)]);
  const query = applyFilters(`${MessageTrace.name} | project ${columns.join(', ')}`, request.filters).kql;
  return queries.keepRows({
    query,
    table: MessageTrace.name,
    from: before,
    to,
    maxRows: bounds.maxRows,
    user: request.user,
    ...signal,
  });
}
