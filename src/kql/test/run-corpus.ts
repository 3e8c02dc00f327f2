/**
 * Runs the KQL corpus: compiles every entry for DuckDB and ClickHouse, runs the DuckDB SQL on a real (empty)
 * DuckDB store and counts the entries whose columns and rows are exactly Kusto's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../store/index.js';
import { compileKql, compileKqlWithValues } from '../index.js';
import type { CorpusEntry } from '../corpus/corpus-entry.js';

/** What happened to one entry. */
export interface CorpusOutcome {
  readonly file: string;
  readonly entry: CorpusEntry;
  /** 'pass': same columns and rows; 'wrong': ran with another answer; 'error': did not compile or run. */
  readonly result: 'pass' | 'wrong' | 'error';
  readonly clickhouseCompiles: boolean;
  readonly detail?: string;
}

const NOW = Date.UTC(2026, 10, 2);

/** Every corpus file (src/kql/corpus/*.corpus.json) with its entries. */
export function corpusFiles(): { file: string; entries: CorpusEntry[] }[] {
  const dir = fileURLToPath(new URL('../corpus/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.corpus.json'))
    .sort()
    .map((file) => ({ file, entries: JSON.parse(readFileSync(dir + file, 'utf8')) as CorpusEntry[] }));
}

/** Run every entry on `store` (an empty DuckDB store). */
export async function runCorpus(store: Store): Promise<CorpusOutcome[]> {
  const out: CorpusOutcome[] = [];
  for (const { file, entries } of corpusFiles()) {
    for (const entry of entries) out.push({ file, entry, ...(await runEntry(store, entry)) });
  }
  return out;
}

async function runEntry(store: Store, entry: CorpusEntry): Promise<Omit<CorpusOutcome, 'file' | 'entry'>> {
  let clickhouseCompiles = true;
  try {
    compileKql(entry.kql, { dialect: 'clickhouse', now: NOW });
  } catch {
    clickhouseCompiles = false;
  }
  let compiled;
  let rows: unknown[][];
  try {
    compiled = await compileKqlWithValues(
      entry.kql,
      { dialect: 'duckdb', now: NOW },
      async (sql, params) => (await store.query(sql, params)).rows as unknown[][],
    );
    rows = (await store.query(compiled.sql, compiled.params)).rows as unknown[][];
  } catch (e) {
    return { result: 'error', clickhouseCompiles, detail: (e as Error).message };
  }
  const names = compiled.columns.map((c) => c.name);
  if (JSON.stringify(names) !== JSON.stringify(entry.columns)) {
    return { result: 'wrong', clickhouseCompiles, detail: `columns ${JSON.stringify(names)}` };
  }
  const types = compiled.columns.map((c) => c.type);
  const actual = rows.map((r) => r.map((v, i) => canonical(v, types[i] === 'dynamic')));
  const expected = entry.rows.map((r) => r.map((v) => canonical(v, false)));
  const ordered = entry.ordered ?? /\b(sort|order|top|serialize|range)\b/.test(entry.kql);
  const same = ordered ? equalRows(actual, expected) : equalRows(sortRows(actual), sortRows(expected));
  return same ? { result: 'pass', clickhouseCompiles } : { result: 'wrong', clickhouseCompiles, detail: `rows ${JSON.stringify(rows)}` };
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z?$/;

/** A value in one canonical form: datetimes with 7 fraction digits, dynamic text parsed, numbers as numbers. */
function canonical(v: unknown, dynamicText: boolean): unknown {
  if (dynamicText && typeof v === 'string') {
    try {
      return canonical(JSON.parse(v), false);
    } catch {
      return v;
    }
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const m = DATETIME.exec(v);
    if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(7, '0')}Z`;
    return v;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (Array.isArray(v)) return v.map((x) => canonical(x, false));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, canonical(x, false)]));
  }
  return v;
}

function sortRows(rows: unknown[][]): unknown[][] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

function equalRows(a: unknown[][], b: unknown[][]): boolean {
  return a.length === b.length && a.every((r, i) => equalValue(r, b[i]));
}

function equalValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalValue(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return JSON.stringify(ka) === JSON.stringify(kb) && ka.every((k) => equalValue((a as never)[k], (b as never)[k]));
  }
  return a === b;
}
