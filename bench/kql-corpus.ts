/**
 * The KQL corpus figures (run: npx tsx bench/kql-corpus.ts; VERBOSE=1 lists every entry that does not pass,
 * VERBOSE=clickhouse those ClickHouse does not pass): how many self-contained queries give exactly the columns
 * and rows Kusto documents on DuckDB and on a real ClickHouse server (one local clickhouse-server, started here
 * when Debian's package is installed; skipped, and said so, when it is not), and how many compile for ClickHouse.
 */
import { runCorpus, type CorpusOutcome, type EngineOutcome } from '../src/kql/test/run-corpus.js';
import { openStore, type Store } from '../src/store/index.js';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../test/support/clickhouse-cluster.js';

const store = await openStore('duckdb::memory:');
let server: ClickHouseCluster | undefined;
let clickhouse: Store | undefined;
if (HAS_CLICKHOUSE_SERVER) {
  server = await startClickHouseServer();
  clickhouse = await openStore(server.url('kql_corpus', { single: true }));
}
let outcomes: CorpusOutcome[];
try {
  outcomes = await runCorpus(store, clickhouse);
} finally {
  await store.close();
  await clickhouse?.close();
  await server?.stop();
}
const verbose = process.env['VERBOSE'];
const list = (engine: string, pick: (o: CorpusOutcome) => EngineOutcome | undefined) => {
  for (const o of outcomes) {
    const r = pick(o);
    if (r && r.result !== 'pass') {
      console.log(`${engine} ${r.result.toUpperCase()} ${o.file} ${o.entry.name}\n  ${o.entry.kql}\n  ${(r.detail ?? '').slice(0, 300)}`);
    }
  }
};
if (verbose === 'clickhouse') list('clickhouse', (o) => o.clickhouse);
else if (verbose) list('duckdb', (o) => o);
const pct = (n: number): string => `${((100 * n) / outcomes.length).toFixed(1)}%`;
const count = (pick: (o: CorpusOutcome) => EngineOutcome | undefined, result: EngineOutcome['result']) =>
  outcomes.filter((o) => pick(o)?.result === result).length;
const figures = (pick: (o: CorpusOutcome) => EngineOutcome | undefined) => {
  const pass = count(pick, 'pass');
  const wrong = count(pick, 'wrong');
  return `exact ${pass} (${pct(pass)}); other answer ${wrong}; not compiled or failed ${outcomes.length - pass - wrong}`;
};
const ch = outcomes.filter((o) => o.clickhouseCompiles).length;
console.log(`KQL corpus: ${outcomes.length} queries`);
console.log(`  DuckDB:     ${figures((o) => o)}`);
console.log(
  clickhouse
    ? `  ClickHouse: ${figures((o) => o.clickhouse)}; compile ${ch} (${pct(ch)})`
    : `  ClickHouse: SKIPPED (package clickhouse-server not installed); compile ${ch} (${pct(ch)})`,
);
