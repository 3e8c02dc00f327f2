// End to end on a real ClickHouse cluster (two shards x two replicas), row for row against a DuckDB file: the demo
// tenant with its planted incidents ingested into both; the stats, every dashboard panel, the whole detection run
// (findings, the KQL and hooks the rules ran, each finding's evidence) compared; a DuckDB store migrated into
// ClickHouse (and the copy resumed); a replica killed mid-run changes nothing; a whole shard down is an error,
// never a partial answer.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant, type DemoTenant } from '../../src/demo/index.js';
import { runDetections, type Finding } from '../../src/detect/index.js';
import { reports } from '../../src/detect/testing/answer-key.js';
import { compileKql } from '../../src/kql/index.js';
import { createEnricher } from '../../src/enrich/index.js';
import type { EventRow, TraceRow } from '../../src/schema/index.js';
import { copyStore, openStore, runKql, type QueryResult, type Store } from '../../src/store/index.js';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../support/clickhouse-cluster.js';
import { recordingStore, type RecordedCall } from '../support/recording-store.js';
import { keywordSubjectsKql } from '../../src/server/dashboards/panel-runner.js';

/** The dashboards' panel queries that need no template values. */
const PANELS = readdirSync('dashboards')
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`dashboards/${f}`, 'utf8')) as { panels: { id: string; kql?: string }[] }).panels)
  .filter((p) => p.kql !== undefined && !p.kql.includes('${'))
  .map((p) => [p.id, p.kql!] as const);

const sorted = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * A panel's answer on ClickHouse equals DuckDB's: the same rows in any order, except that `top N` leaves the order of
 * ties open, so there the engines may keep different rows of equal rank, never other ranks.
 */
function expectSameAnswer(id: string, kql: string, a: QueryResult, b: QueryResult): void {
  const by = /\|\s*top \d+ by (\w+)/.exec(kql)?.[1];
  const rank = (r: QueryResult) => r.rows.map((row) => row[r.columns.findIndex((c) => c.name === by)]);
  if (by) expect({ id, ranks: rank(b) }).toEqual({ id, ranks: rank(a) });
  else expect({ id, rows: sorted(b.rows) }).toEqual({ id, rows: sorted(a.rows) });
}

/**
 * What a call asked and got, free of the order of unordered rows: a query's rows sorted; a hook's answer per
 * item it was asked about (the rules build their questions from such rows, so the order of items may differ).
 */
function canonical(x: RecordedCall): { asked: unknown; answer: unknown } {
  if (x.name === 'query') return { asked: [], answer: sorted(x.result as unknown[][]) };
  if (x.name === 'detect.campaignStats') {
    const { candidates, ...rest } = x.args[0] as { candidates: unknown[] };
    return { asked: rest, answer: sorted(candidates.map((c, i) => [c, (x.result as unknown[])[i] ?? null])) };
  }
  // senderDays' partners: a set of domains, read from unordered rows.
  const asked = JSON.parse(JSON.stringify(x.args), (_k, v: unknown) =>
    Array.isArray(v) && v.every((e) => typeof e === 'string') ? [...(v as string[])].sort() : v,
  ) as unknown;
  return { asked, answer: Array.isArray(x.result) ? sorted(x.result) : x.result };
}

describe.skipIf(!HAS_CLICKHOUSE)('ClickHouse end to end', () => {
  let cluster: ClickHouseCluster;
  let duck: Store;
  let ch: Store;
  let tenant: DemoTenant;
  const dir = mkdtempSync(join(tmpdir(), 'mailsift-e2e-ch-'));
  const batches: TraceRow[][] = [];
  const events: EventRow[] = [];

  beforeAll(async () => {
    cluster = await startClickHouseCluster();
    // The demo month the detection tests check against its answer key (one of their seeds).
    tenant = generateTenant({ seed: 2, start: Date.UTC(2026, 1, 1), days: 30, messagesPerDay: 1000 });
    const enricher = await createEnricher({ organization: tenant.organization });
    const rows: TraceRow[] = [];
    for (const b of tenant.batches()) {
      rows.push(...enricher.enrich(b.traces));
      events.push(...b.events);
    }
    for (let i = 0; i < rows.length; i += 5000) batches.push(rows.slice(i, i + 5000));
    duck = await openStore(`duckdb:${join(dir, 'e2e.duckdb')}`);
    ch = await openStore(cluster.url('e2e'));
  }, 300_000);
  afterAll(async () => {
    await duck?.close();
    await ch?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the same counts, with a replica killed halfway, and re-reading changes nothing', async () => {
    const half = Math.floor(batches.length / 2);
    for (const [i, rows] of batches.entries()) {
      if (i === half) await cluster.kill(1); // the second replica of the first shard, mid-run
      expect(await ch.upsertTraces(rows)).toEqual(await duck.upsertTraces(rows));
    }
    // Statuses move on (Pending -> Delivered) and some rows come again: the same counts on both.
    const again = batches[0]!.map((r) => (r.Status === 'Pending' ? { ...r, Status: 'Delivered' as const } : r));
    expect(await ch.upsertTraces(again)).toEqual(await duck.upsertTraces(again));
    expect(await ch.insertEvents(events)).toBe(await duck.insertEvents(events));
    for (const s of [duck, ch]) {
      await s.replaceIndicators('demo-intel', tenant.indicators);
      await s.replaceWatchlist('edr', tenant.watchlist);
    }
    expect(await ch.stats()).toEqual(await duck.stats());
  });

  it('finds the same incidents as DuckDB, from the same answers to every query the rules ran (a replica dies mid-run)', async () => {
    const run = async (store: Store, log: RecordedCall[] = []) => {
      const findings = await runDetections({
        store: recordingStore(store, log),
        config: { organization: tenant.organization, detections: { timeZone: 'Europe/Berlin' } },
        now: tenant.end + 3_600_000,
      });
      return { findings, log };
    };
    const d = await run(duck);
    // The second shard's second replica is killed while the rules run (the first shard's is still down).
    const log: RecordedCall[] = [];
    const killer = (async () => {
      while (log.length < Math.floor(d.log.length / 3)) await new Promise((r) => setTimeout(r, 10));
      await cluster.kill(3);
    })();
    const c = await run(ch, log);
    await killer;
    await cluster.restart(3);
    // The rules asked the same things and got DuckDB's answers (rows in any order). A rule may walk unordered rows,
    // so the calls are compared as a set: each one (what it asked, what it got) is among the other engine's.
    const calls = (log: RecordedCall[]) => sorted(log.map((x) => ({ call: x.name, ...canonical(x) })));
    expect(calls(c.log)).toEqual(calls(d.log));
    // Findings equal in everything: rule, entities, time, severity, counts, titles, details, evidence KQL.
    expect(c.findings).toEqual(d.findings);
    const missed = tenant.answerKey.filter((inc) => !c.findings.some((f: Finding) => reports(f, inc)));
    expect(missed.map((m) => `${m.rule}: ${m.description}`)).toEqual([]);
    // Each finding's evidence lists the same rows on both, and the stored findings read back the same.
    for (const f of c.findings) {
      const [a, b] = [await runKql(duck, f.query), await runKql(ch, f.query)];
      expect({ id: f.id, rows: sorted(b.rows) }).toEqual({ id: f.id, rows: sorted(a.rows) });
      expect(b.rows.length).toBe(f.count);
    }
    expect(await ch.listFindings({ limit: 10_000 })).toEqual(await duck.listFindings({ limit: 10_000 }));
  });

  it('answers every dashboard panel as DuckDB does (one replica still down)', async () => {
    expect(PANELS.length).toBeGreaterThan(5);
    for (const [id, kql] of PANELS) expectSameAnswer(id, kql, await runKql(duck, kql), await runKql(ch, kql));
    // The keywords panel reads its subjects as one list of [subject, count] (under 20,000 subjects: all of them).
    const list = keywordSubjectsKql('MessageTrace', 'list');
    const pairs = (r: QueryResult) => sorted(JSON.parse(String(r.rows[0]![0])) as unknown[]);
    const [a, b] = [pairs(await runKql(duck, list)), pairs(await runKql(ch, list))];
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('the replica comes back and catches up', async () => {
    await cluster.restart(1);
    const replica = await openStore(cluster.url('e2e', { node: 1 }));
    try {
      let n = 0;
      for (let i = 0; i < 100 && n !== (await duck.stats()).rows; i++) {
        // Through the restarted server: its own shard is read from its local table (prefer_localhost_replica).
        n = (await replica.stats()).rows;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(n).toBe((await duck.stats()).rows);
    } finally {
      await replica.close();
    }
  });

  it('migrates a DuckDB store into ClickHouse, counts checked, and resumes without copying twice', async () => {
    const target = await openStore(cluster.url('migrated'));
    try {
      const first = await copyStore(duck, target);
      expect(first.counts.MessageTrace!.target).toBe((await duck.stats()).rows);
      const second = await copyStore(duck, target);
      expect(second.months.every((m) => m.skipped)).toBe(true);
      expect(await target.stats()).toEqual(await duck.stats());
    } finally {
      await target.close();
    }
  });

  it('a whole shard down is an error naming it, never a partial answer', async () => {
    await cluster.kill(2);
    await cluster.kill(3);
    await expect(runKql(ch, 'MessageTrace | count', { aggregates: false })).rejects.toThrow(
      /query failed: .*(Connection refused|All connection tries failed|NETWORK_ERROR)/i,
    );
    await expect(runKql(ch, 'MessageTrace | summarize dcount(RecipientAddress)')).rejects.toThrow(
      /query failed: .*(Connection refused|All connection tries failed|NETWORK_ERROR)/i,
    );
    // The summary tables are replicated to every server, not sharded: a count they answer is still the whole count.
    for (const kql of [
      'MessageTrace | count',
      'MessageTrace | summarize dcount(MessageTraceId)',
      'MessageTrace | summarize dcount(SenderAddress)',
    ])
      expect((await runKql(ch, kql)).rows, kql).toEqual((await runKql(duck, kql)).rows);
    await expect(ch.upsertTraces(batches[1]!.slice(0, 10))).rejects.toThrow();
    // A detection run fails naming the rules and the unreachable shard, and leaves the stored findings as they were.
    const before = await ch.listFindings({ limit: 10_000 });
    await expect(
      runDetections({
        store: ch,
        config: { organization: tenant.organization, detections: {} },
        now: tenant.end + 3_600_000,
        to: tenant.end,
      }),
    ).rejects.toThrow(/detection failed: .*(Connection refused|All connection tries failed|NETWORK_ERROR)/i);
    expect(await ch.listFindings({ limit: 10_000 })).toEqual(before);
    // So does every dashboard panel that reads the rows; one answered from the summary tables alone (replicated to
    // every server) gives the whole answer. Never a partial one.
    for (const [id, kql] of PANELS.filter(([, k]) => /^\s*Message(Trace|Events)\b/.test(k))) {
      const now = Date.now();
      const answer = await runKql(ch, kql, { now }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (answer instanceof Error) expect(answer.message).toMatch(/query failed/);
      else {
        expect(compileKql(kql, { dialect: 'clickhouse', now, aggregates: true }).plan?.source).not.toBe('rows');
        expectSameAnswer(id, kql, await runKql(duck, kql, { now }), answer);
      }
    }
  });
});
