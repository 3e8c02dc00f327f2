/**
 * The KQL corpus figure (run: npx tsx bench/kql-corpus.ts; VERBOSE=1 lists every entry that does not pass):
 * how many self-contained queries give exactly the columns and rows Kusto documents, on DuckDB, and how many
 * compile for ClickHouse.
 */
import { runCorpus } from '../src/kql/test/run-corpus.js';
import { openStore } from '../src/store/index.js';

const store = await openStore('duckdb::memory:');
const outcomes = await runCorpus(store);
await store.close();
const pass = outcomes.filter((o) => o.result === 'pass').length;
const wrong = outcomes.filter((o) => o.result === 'wrong').length;
const ch = outcomes.filter((o) => o.clickhouseCompiles).length;
if (process.env['VERBOSE']) {
  for (const o of outcomes.filter((x) => x.result !== 'pass')) {
    console.log(`${o.result.toUpperCase()} ${o.file} ${o.entry.name}\n  ${o.entry.kql}\n  ${(o.detail ?? '').slice(0, 300)}`);
  }
}
const pct = (n: number): string => `${((100 * n) / outcomes.length).toFixed(1)}%`;
console.log(
  `KQL corpus: ${outcomes.length} queries; exact on DuckDB ${pass} (${pct(pass)}); other answer ${wrong}; ` +
    `not compiled or failed ${outcomes.length - pass - wrong}; compile for ClickHouse ${ch} (${pct(ch)})`,
);
