/**
 * Copy one store into another through the Store interface (`mailsift migrate --to URL`): MessageTrace and
 * MessageEvents month by month (read a day at a time, written with the target's upsert, so a month copied twice
 * is stored once), a checkpoint in the target after each month (a stopped copy resumes after the last month
 * done), then the small tables (and the alert rules and destinations made in the web app) whole, then the row counts of both stores compared month by month.
 */
import { Indicators, IntelMatches, MessageEvents, MessageTrace, Watchlist, type TableDef } from '../schema/index.js';
import { StoreQueryError } from './errors.js';
import { runKql } from './run-kql.js';
import type { Store } from './store.js';

const DAY_MS = 86_400_000;

/** Progress of a copy, for the command's output. */
export interface CopyProgress {
  month: string;
  traces: number;
  events: number;
  skipped?: boolean;
}

/** What a copy did, and the counts it checked. */
export interface CopyReport {
  months: CopyProgress[];
  indicators: number;
  watchlist: number;
  findings: number;
  intelMatches: number;
  /** Rows per table in source and target after the copy (equal, or the copy throws). */
  counts: Record<string, { source: number; target: number }>;
}

const kqlTime = (ms: number) => `datetime(${new Date(ms).toISOString()})`;

/** Rows of a KQL result as objects of the table's row shape (datetimes to ms, dynamic parsed). */
async function readRows<T>(store: Store, table: TableDef, kql: string): Promise<T[]> {
  const r = await runKql(store, `${kql} | project ${table.columns.map((c) => c.name).join(', ')}`);
  return r.rows.map((row) => {
    const out: Record<string, unknown> = {};
    table.columns.forEach((c, i) => {
      const v = row[i];
      if (c.type === 'datetime') out[c.name] = v === null ? null : Date.parse(String(v));
      else if (c.type === 'dynamic') out[c.name] = typeof v === 'string' && v !== '' ? JSON.parse(v) : (v ?? null);
      else out[c.name] = v;
    });
    return out as T;
  });
}

/** First day (ms) of each month holding rows of `table` (by its time column). */
async function monthsOf(store: Store, table: string, column: string): Promise<number[]> {
  const r = await runKql(store, `${table} | summarize by M = startofmonth(${column}) | sort by M asc`);
  return r.rows.map((row) => Date.parse(String(row[0])));
}

async function countByMonth(store: Store, table: string, column: string): Promise<Map<number, number>> {
  const r = await runKql(store, `${table} | summarize n = count() by M = startofmonth(${column})`);
  return new Map(r.rows.map((row) => [Date.parse(String(row[0])), Number(row[1])]));
}

const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** Copy `source` into `target`; `onMonth` hears of each month. Throws StoreQueryError when the counts differ. */
export async function copyStore(source: Store, target: Store, onMonth: (p: CopyProgress) => void = () => undefined): Promise<CopyReport> {
  const key = `migrate:from:${source.location}`;
  const done = new Set<string>(((await target.getState(key))?.value as { months?: string[] } | undefined)?.months ?? []);
  const months: CopyProgress[] = [];
  const all = [
    ...new Set([...(await monthsOf(source, 'MessageTrace', 'Received')), ...(await monthsOf(source, 'MessageEvents', 'Timestamp'))]),
  ].sort((a, b) => a - b);
  for (const month of all) {
    const label = new Date(month).toISOString().slice(0, 7);
    if (done.has(label)) {
      const p = { month: label, traces: 0, events: 0, skipped: true };
      months.push(p);
      onMonth(p);
      continue;
    }
    const p: CopyProgress = { month: label, traces: 0, events: 0 };
    for (let day = month; day < nextMonth(month); day += DAY_MS) {
      const window = (col: string) => `${col} >= ${kqlTime(day)} and ${col} < ${kqlTime(day + DAY_MS)}`;
      const traces = await readRows<Parameters<Store['upsertTraces']>[0][number]>(
        source,
        MessageTrace,
        `MessageTrace | where ${window('Received')}`,
      );
      if (traces.length > 0) await target.upsertTraces(traces);
      p.traces += traces.length;
      const events = await readRows<Parameters<Store['insertEvents']>[0][number]>(
        source,
        MessageEvents,
        `MessageEvents | where ${window('Timestamp')}`,
      );
      if (events.length > 0) await target.insertEvents(events);
      p.events += events.length;
    }
    done.add(label);
    await target.setState(key, { months: [...done].sort() });
    months.push(p);
    onMonth(p);
  }

  const indicators = await readRows<Parameters<Store['upsertIndicators']>[0][number]>(source, Indicators, 'Indicators');
  for (const feed of new Set(indicators.map((i) => i.Feed)))
    await target.replaceIndicators(
      feed,
      indicators.filter((i) => i.Feed === feed),
    );
  const watchlist = await readRows<Parameters<Store['replaceWatchlist']>[1][number]>(source, Watchlist, 'Watchlist');
  for (const name of new Set(watchlist.map((w) => w.Name)))
    await target.replaceWatchlist(
      name,
      watchlist.filter((w) => w.Name === name),
    );
  const matches = await readRows<Parameters<Store['replaceIntelMatches']>[0][number]>(source, IntelMatches, 'IntelMatches');
  await target.replaceIntelMatches(matches);
  const findings = await source.listFindings({ limit: Number.MAX_SAFE_INTEGER });
  await target.saveFindings(findings, Date.now());
  for (const f of findings) {
    for (const change of await source.findingHistory(f.Id)) await target.setFindingState(change);
  }
  // What users made in the app: saved searches and dashboards.
  for (const s of await source.saved.listSavedSearches()) await target.saved.putSavedSearch(s);
  for (const d of await source.saved.listStoredDashboards()) await target.saved.putStoredDashboard(d);
  // Alert rules and destinations made in the web app are configuration: they move with the store.
  for (const row of await source.listAlertDefinitions()) await target.saveAlertDefinition(row);

  const counts: CopyReport['counts'] = {};
  for (const [table, column] of [
    ['MessageTrace', 'Received'],
    ['MessageEvents', 'Timestamp'],
  ] as const) {
    const [a, b] = [await countByMonth(source, table, column), await countByMonth(target, table, column)];
    const wrong = [...a]
      .filter(([m, n]) => b.get(m) !== n)
      .map(([m, n]) => `${new Date(m).toISOString().slice(0, 7)}: ${n} vs ${b.get(m) ?? 0}`);
    if (wrong.length > 0) throw new StoreQueryError(`${table} differs after the copy (source vs target): ${wrong.join(', ')}`);
    counts[table] = { source: sum(a), target: sum(b) };
  }
  for (const table of ['Indicators', 'Watchlist', 'IntelMatches']) {
    const n = async (s: Store) => Number((await runKql(s, `${table} | count`)).rows[0]![0]);
    counts[table] = { source: await n(source), target: await n(target) };
    if (counts[table].source !== counts[table].target) {
      throw new StoreQueryError(`${table} differs after the copy: ${counts[table].source} vs ${counts[table].target}`);
    }
  }
  return {
    months,
    indicators: indicators.length,
    watchlist: watchlist.length,
    findings: findings.length,
    intelMatches: matches.length,
    counts,
  };
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
