/**
 * Runs the KQL corpus: every entry through runKql (as the API runs a query) on a real, empty DuckDB store and,
 * when one is given, on a real ClickHouse store, counting the entries whose answer is exactly Kusto's: the
 * column names and rows it documents, and (on ClickHouse) the column types DuckDB's answer reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runKql, type KqlResult, type Store } from '../../store/index.js';
import { compileKql } from '../index.js';
import type { CorpusEntry } from '../corpus/corpus-entry.js';

/** What one engine answered to an entry. */
export interface EngineOutcome {
  /** 'pass': same columns, types and rows; 'wrong': ran with another answer; 'error': did not compile or run. */
  readonly result: 'pass' | 'wrong' | 'error';
  readonly detail?: string;
}

/** What happened to one entry. */
export interface CorpusOutcome extends EngineOutcome {
  readonly file: string;
  readonly entry: CorpusEntry;
  /** On DuckDB: `result` and `detail`. */
  readonly clickhouseCompiles: boolean;
  /** The answer of the ClickHouse store, when runCorpus was given one. */
  readonly clickhouse?: EngineOutcome;
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

/** Run every entry on `store` (an empty DuckDB store) and on `clickhouse` (an empty ClickHouse store) when given. */
export async function runCorpus(store: Store, clickhouse?: Store): Promise<CorpusOutcome[]> {
  const out: CorpusOutcome[] = [];
  for (const { file, entries } of corpusFiles()) {
    for (const entry of entries) {
      let clickhouseCompiles = true;
      try {
        compileKql(entry.kql, { dialect: 'clickhouse', now: NOW });
      } catch {
        clickhouseCompiles = false;
      }
      const duck = await answer(store, entry);
      const outcome: CorpusOutcome = { file, entry, clickhouseCompiles, ...judge(entry, duck) };
      if (!clickhouse) {
        out.push(outcome);
        continue;
      }
      const ch = await answer(clickhouse, entry);
      // Types are the API's (the compiler's, else the engine's): on ClickHouse they must be those of DuckDB's answer.
      const types = (r: KqlResult | Error) => (r instanceof Error ? undefined : JSON.stringify(r.columns.map((c) => c.type)));
      const differ = !(duck instanceof Error) && !(ch instanceof Error) && types(duck) !== types(ch);
      out.push({
        ...outcome,
        clickhouse: differ ? { result: 'wrong', detail: `types ${types(ch)}, DuckDB ${types(duck)}` } : judge(entry, ch),
      });
    }
  }
  return out;
}

async function answer(store: Store, entry: CorpusEntry): Promise<KqlResult | Error> {
  try {
    return await runKql(store, entry.kql, { now: NOW });
  } catch (e) {
    return e as Error;
  }
}

function judge(entry: CorpusEntry, r: KqlResult | Error): EngineOutcome {
  if (r instanceof Error) return { result: 'error', detail: r.message };
  const names = r.columns.map((c) => c.name);
  if (JSON.stringify(names) !== JSON.stringify(entry.columns)) return { result: 'wrong', detail: `columns ${JSON.stringify(names)}` };
  const types = r.columns.map((c) => c.type);
  const actual = r.rows.map((row) => row.map((v, i) => canonical(v, types[i] === 'dynamic')));
  const expected = entry.rows.map((row) => row.map((v) => canonical(v, false)));
  const ordered = entry.ordered ?? /\b(sort|order|top|serialize|range)\b/.test(entry.kql);
  const same = ordered ? equalRows(actual, expected) : equalRows(sortRows(actual), sortRows(expected));
  return same ? { result: 'pass' } : { result: 'wrong', detail: `rows ${JSON.stringify(r.rows)}` };
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
