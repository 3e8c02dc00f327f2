import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant, type DemoTenant } from '../demo/index.js';
import { createEnricher } from '../enrich/index.js';
import { loadRecords } from '../ingest/index.js';
import { compileKql } from '../kql/index.js';
import { openStore, type Store } from '../store/index.js';
import { findingTitle, type Finding } from './finding.js';
import { listFindings, updateFindingState } from './findings-store.js';
import { runDetections } from './run-detections.js';
import { reports, touches } from './testing/answer-key.js';

// The main month, and variations so the rules are not tuned to one dataset.
const CASES = [
  { seed: 1, messagesPerDay: 4000, timeZone: 'Asia/Tokyo' },
  { seed: 2, messagesPerDay: 1000, timeZone: 'Europe/Berlin' },
  { seed: 3, messagesPerDay: 8000, timeZone: 'Asia/Tokyo' },
  { seed: 4, messagesPerDay: 8000, timeZone: 'Europe/Berlin' },
];

describe.each(CASES)('the demo month (seed $seed, $messagesPerDay rows/day, $timeZone)', (c) => {
  let store: Store;
  let tenant: DemoTenant;
  let findings: Finding[];

  beforeAll(async () => {
    tenant = generateTenant({ ...c, days: 30, start: Date.UTC(2026, 1, 1) });
    store = await openStore('duckdb::memory:');
    const enricher = await createEnricher({ organization: tenant.organization });
    await loadRecords(store, tenant.batches(), (r) => enricher.enrich(r));
    await store.replaceIndicators('demo-intel', tenant.indicators);
    await store.replaceWatchlist('edr', tenant.watchlist);
    findings = await runDetections({
      store,
      config: { organization: tenant.organization, detections: { timeZone: c.timeZone } },
      now: tenant.end + 3_600_000,
    });
  });
  afterAll(async () => store?.close());

  it('finds every planted incident with the right rule and entity', () => {
    const missed = tenant.answerKey.filter((inc) => !findings.some((f) => reports(f, inc)));
    expect(missed.map((m) => `${m.rule} ${JSON.stringify(m.entities)}: ${m.description}`)).toEqual([]);
  });

  it('stays quiet on the benign traps and raises few other findings', () => {
    const unexplained = findings.filter((f) => !tenant.answerKey.some((inc) => reports(f, inc)));
    const onTraps = unexplained.filter((f) => f.severity !== 'low' && tenant.benignTraps.some((t) => touches(f, t)));
    expect(onTraps.map((f) => `${f.severity} ${f.title}`)).toEqual([]);
    const notLow = unexplained.filter((f) => f.severity !== 'low');
    expect(notLow.length, notLow.map((f) => `${f.rule}: ${f.title}`).join('\n')).toBeLessThanOrEqual(3);
    expect(unexplained.length, unexplained.map((f) => `${f.rule}: ${f.title}`).join('\n')).toBeLessThanOrEqual(8);
  });

  it('writes every finding title in Japanese too, with the same figures', () => {
    const rules = new Set<string>();
    for (const f of findings) {
      const ja = findingTitle(f, 'ja');
      expect(ja, `${f.rule}: ${f.title}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // The message count of the finding appears in both titles (as 1,234 in each).
      if (f.title.includes(f.count.toLocaleString('en-US'))) expect(ja, f.title).toContain(f.count.toLocaleString('ja-JP'));
      rules.add(f.rule);
    }
    expect(rules.size).toBeGreaterThanOrEqual(6);
  });

  it('gives every finding evidence KQL that compiles and lists exactly its rows', async () => {
    for (const f of findings) {
      const compiled = compileKql(f.query, { dialect: store.dialect });
      const r = await store.query(compiled.sql, compiled.params);
      expect(r.rows.length, `${f.rule}: ${f.title}\n${f.query}`).toBe(f.count);
    }
  });

  it('keeps one finding per incident across runs, with its triage state', async () => {
    await updateFindingState(store, findings[0]!.id, 'acknowledged', 'alice');
    const again = await runDetections({
      store,
      config: { organization: tenant.organization, detections: { timeZone: c.timeZone } },
      now: tenant.end + 3_600_000,
    });
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    const stored = await listFindings(store, { limit: 10_000 });
    expect(stored).toHaveLength(findings.length);
    expect(stored.find((f) => f.id === findings[0]!.id)).toMatchObject({ state: 'acknowledged', updatedBy: 'alice' });
    expect(stored.filter((f) => f.state === 'open')).toHaveLength(findings.length - 1);
  });
});
