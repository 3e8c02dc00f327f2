/**
 * Every panel of every dashboard under every kind of filter, on a real DuckDB store of the demo tenant: the
 * filtered panel must show what the same panel shows unfiltered on a store holding only the rows the filter
 * keeps (chosen by hand here, not by the filter code), or name the filter in `unfiltered`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant, type DemoTenant } from '../../demo/index.js';
import { createEnricher } from '../../enrich/index.js';
import { loadRecords } from '../../ingest/index.js';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { QueryService } from '../query/query-service.js';
import { DashboardSet } from './dashboard-set.js';
import type { Filters } from './filter-kql.js';
import { runPanel, type PanelResult } from './panel-runner.js';

const LIMITS = { rowLimit: 100_000, maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000, concurrency: 2, concurrencyPerUser: 2 };
const ENV = { embargoedCountries: ['RU', 'KP', 'IR', 'CN'] };

interface Case {
  label: string;
  filters: Filters;
  keep: (row: TraceRow) => boolean;
}

function mostCommon(rows: readonly TraceRow[], pick: (row: TraceRow) => string): string {
  const counts = new Map<string, number>();
  for (const r of rows) if (pick(r)) counts.set(pick(r), (counts.get(pick(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Filter values taken from the data, written the way people type them, with the rows each should keep. */
function cases(rows: readonly TraceRow[]): Case[] {
  const sender = mostCommon(rows, (r) => r.SenderAddress);
  const senderDomain = sender.split('@')[1]!;
  const recipient = mostCommon(rows, (r) => r.RecipientAddress);
  const tld = mostCommon(rows, (r) => r.SenderDomain.split('.').pop()!);
  const from = mostCommon(rows, (r) => r.FromCountry);
  const to = mostCommon(rows, (r) => (r.ToCountry !== from ? r.ToCountry : ''));
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const japanese = new Intl.DisplayNames(['ja'], { type: 'region' });
  return [
    { label: 'status in lower case', filters: { status: ['delivered'] }, keep: (r) => r.Status === 'Delivered' },
    {
      label: 'two statuses',
      filters: { status: ['Failed', 'QUARANTINED'] },
      keep: (r) => r.Status === 'Failed' || r.Status === 'Quarantined',
    },
    { label: 'sender in upper case', filters: { sender: [sender.toUpperCase()] }, keep: (r) => r.SenderAddress === sender },
    {
      label: 'sender wildcard',
      filters: { sender: [`*@${senderDomain.toUpperCase()}`] },
      keep: (r) => r.SenderAddress.endsWith(`@${senderDomain}`),
    },
    {
      label: 'recipient prefix',
      filters: { recipient: [`${recipient.slice(0, 3)}*`] },
      keep: (r) => r.RecipientAddress.startsWith(recipient.slice(0, 3)),
    },
    {
      label: 'domain wildcard',
      filters: { domain: [`*.${tld}`] },
      keep: (r) => r.SenderDomain.endsWith(`.${tld}`) || r.RecipientDomain.endsWith(`.${tld}`),
    },
    { label: 'direction in lower case', filters: { direction: ['inbound'] }, keep: (r) => r.Direction === 'Inbound' },
    {
      label: 'country by English name',
      filters: { country: [english.of(from)!] },
      keep: (r) => r.FromCountry === from || r.ToCountry === from,
    },
    { label: 'source country by code', filters: { fromCountry: [from.toLowerCase()] }, keep: (r) => r.FromCountry === from },
    { label: 'destination country by Japanese name', filters: { toCountry: [japanese.of(to)!] }, keep: (r) => r.ToCountry === to },
    {
      label: 'status and domain together',
      filters: { status: ['Delivered'], domain: [senderDomain] },
      keep: (r) => r.Status === 'Delivered' && (r.SenderDomain === senderDomain || r.RecipientDomain === senderDomain),
    },
  ];
}

/**
 * What a panel shows, in an order that does not depend on how the engine breaks ties. In a `top N` ranking the
 * rows tied at the last place may be any of the tied ones: of those, only the ranked values are compared.
 */
function shown(kql: string, out: PanelResult): unknown {
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  let rows = out.result.rows;
  const top = /\btop (\d+) by (\w+)/.exec(kql);
  const i = top ? out.result.columns.findIndex((c) => c.name === top[2]) : -1;
  const ranked = i >= 0 && rows.length === Number(top![1]) ? rows.map((r) => r[i]) : undefined;
  if (ranked) rows = rows.filter((r) => r[i] !== ranked[ranked.length - 1]);
  return { rows: sorted(rows), ranked, previous: out.previous ?? null, sparkline: sorted(out.sparkline?.rows ?? []), terms: out.terms };
}

describe('dashboard filters on every panel', () => {
  let tenant: DemoTenant;
  let full: Store;
  let rows: TraceRow[];
  const dashboards = DashboardSet.load();

  beforeAll(async () => {
    tenant = generateTenant({ seed: 5, days: 7, messagesPerDay: 300, start: Date.UTC(2026, 5, 1) });
    full = await openStore('duckdb::memory:');
    const enricher = await createEnricher({ organization: tenant.organization });
    const byKey = new Map<string, TraceRow>();
    await loadRecords(full, tenant.batches(), (records) => {
      const enriched = enricher.enrich(records);
      for (const r of enriched) byKey.set(`${r.MessageTraceId}\n${r.RecipientAddress}`, r);
      return enriched;
    });
    rows = [...byKey.values()];
    await full.replaceIndicators('demo-intel', tenant.indicators);
  }, 120_000);
  afterAll(async () => full?.close());

  it('holds the same rows as the hand-kept copy', async () => {
    const count = await new QueryService(full, LIMITS).run({ query: 'MessageTrace | count', user: 't' });
    expect(count.rows[0]![0]).toBe(rows.length);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'filter case %i: every panel equals the hand-filtered store or says it is unfiltered',
    async (n) => {
      const c = cases(rows)[n]!;
      const kept = rows.filter(c.keep);
      expect(kept.length, c.label).toBeGreaterThan(0);
      expect(kept.length, c.label).toBeLessThan(rows.length);
      const reference = await openStore('duckdb::memory:');
      try {
        await reference.upsertTraces(kept);
        await reference.replaceIndicators('demo-intel', tenant.indicators);
        const onFull = new QueryService(full, LIMITS);
        const onReference = new QueryService(reference, LIMITS);
        // The last four days: the period before (for a stat's change) holds data too.
        const range = { from: tenant.end - 4 * 86_400_000, to: tenant.end };
        const names = Object.keys(c.filters);
        const unfilteredPanels: string[] = [];
        for (const d of dashboards.all())
          for (const panel of d.panels) {
            const where = `${c.label}: ${d.id}/${panel.id}`;
            const filtered = await runPanel(onFull, full, ENV, panel, { ...range, filters: c.filters, user: 't' });
            if (filtered.unfiltered.length > 0) {
              expect(filtered.unfiltered.sort(), where).toEqual([...names].sort());
              expect(panel.kind === 'intel-matches' || !/\bMessageTrace\b/.test(panel.kql), where).toBe(true);
              unfilteredPanels.push(panel.id);
              continue;
            }
            const expected = await runPanel(onReference, reference, ENV, panel, { ...range, filters: {}, user: 't' });
            expect(shown(panel.kql, filtered), where).toEqual(shown(panel.kql, expected));
          }
        // Indicators, Findings and computed intel matches have no message columns: they say so.
        expect(unfilteredPanels.length, c.label).toBeGreaterThan(0);
      } finally {
        await reference.close();
      }
    },
    120_000,
  );
});
