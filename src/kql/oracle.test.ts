// Microsoft's own KQL parser as the oracle: every query of the case tables must be real KQL, and the result
// columns we report must carry the names (and, unless a case notes why not, the types) Microsoft infers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../schema/index.js';
import { compileKql, KqlNeedsValues } from './index.js';
import { allCases } from './test/case-files.js';
import { FIXTURE_NOW } from './test/fixture.js';

interface KustoList<T> {
  Count: number;
  getItem(i: number): T;
}
interface KustoLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): KustoCodeLike };
  GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
  Symbols: {
    TableSymbol: { From(schema: string): { WithName(n: string): unknown } };
    DatabaseSymbol: { $ctor1: new (name: string, tables: unknown[]) => unknown };
  };
}
interface KustoCodeLike {
  GetSyntaxDiagnostics(): KustoList<{ Message: string; Start: number }>;
  ResultType: { Columns?: KustoList<{ Name: string; Type: { Name: string } }> } | null;
}

let K: KustoLanguage;
let globals: unknown;

beforeAll(() => {
  // The package is a Bridge.NET bundle that registers itself as globals (Bridge, Kusto) when loaded.
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  K = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
  const tables = Object.values(TABLES).map((t) =>
    K.Symbols.TableSymbol.From(`(${t.columns.map((c) => `['${c.name}']:${c.type}`).join(', ')})`).WithName(t.name),
  );
  globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1('mailsift', tables));
}, 60_000);

const KUSTO_TYPES: Readonly<Record<string, string>> = {
  real: 'real',
  long: 'long',
  int: 'int',
  string: 'string',
  bool: 'bool',
  datetime: 'datetime',
  timespan: 'timespan',
  dynamic: 'dynamic',
};

describe("Microsoft's KQL parser accepts every case", () => {
  for (const { file, c } of allCases()) {
    it(`${file}: ${c.name}`, () => {
      const code = K.KustoCode.ParseAndAnalyze(c.kql, globals);
      const diagnostics = code.GetSyntaxDiagnostics();
      const messages = Array.from({ length: diagnostics.Count }, (_, i) => diagnostics.getItem(i).Message);
      expect(messages).toEqual([]);
      let ours;
      try {
        ours = compileKql(c.kql, { dialect: 'duckdb', now: FIXTURE_NOW }).columns;
      } catch (e) {
        // evaluate pivot / bag_unpack without a schema: the columns come from the data, which the parser does not see.
        if (e instanceof KqlNeedsValues) return;
        throw e;
      }
      const cols = code.ResultType?.Columns;
      if (!cols) throw new Error('the oracle inferred no result columns');
      const theirs = Array.from({ length: cols.Count }, (_, i) => cols.getItem(i));
      expect(ours.map((x) => x.name)).toEqual(theirs.map((x) => x.Name));
      if (c.typeNote === undefined) expect(ours.map((x) => KUSTO_TYPES[x.type])).toEqual(theirs.map((x) => x.Type.Name));
    });
  }
});

/** compileKql; operators that read values from the data first (pivot, bag_unpack) get none, as over an empty table. */
function compileAnyValues(kql: string, dialect: 'duckdb' | 'clickhouse'): void {
  const values = new Map<number, []>();
  for (;;) {
    try {
      compileKql(kql, { dialect, values });
      return;
    } catch (e) {
      if (!(e instanceof KqlNeedsValues)) throw e;
      values.set(e.query.at, []);
    }
  }
}

describe('every example of docs/kql.md is real KQL and compiles', () => {
  const doc = readFileSync(new URL('../../docs/kql.md', import.meta.url), 'utf8');
  // ```kql duckdb-only: an example ClickHouse 18.16 cannot run (window functions), which must say so when compiled for it.
  const fenced = [...doc.matchAll(/```kql( duckdb-only)?\n([\s\S]*?)```/g)].map((m) => ({
    kql: m[2]!.trim(),
    duckdbOnly: m[1] !== undefined,
  }));
  const examples = fenced.map((e) => e.kql);
  it('has examples', () => expect(examples.length).toBeGreaterThan(20));
  for (const kql of examples) {
    it(kql.split('\n').join(' '), () => {
      const d = K.KustoCode.ParseAndAnalyze(kql, globals).GetSyntaxDiagnostics();
      expect(Array.from({ length: d.Count }, (_, i) => d.getItem(i).Message)).toEqual([]);
      expect(() => compileAnyValues(kql, 'duckdb')).not.toThrow();
      if (fenced.find((e) => e.kql === kql)!.duckdbOnly)
        expect(() => compileAnyValues(kql, 'clickhouse')).toThrow(/not supported on clickhouse/);
      else expect(() => compileAnyValues(kql, 'clickhouse')).not.toThrow();
    });
  }
});
