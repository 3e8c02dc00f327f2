import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filters } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { traceRow } from '../../store/testing/trace-row.js';
import { QueryService } from '../query/query-service.js';
import { DashboardSet } from './dashboard-set.js';
import { keepFilteredRows, keptColumns } from './kept-rows.js';
import { keywordSubjectsKql } from './panel-runner.js';

describe('the columns a dashboard reads from kept rows', () => {
  it('are those its queries name, with the ones given, in the table order', () => {
    const queries = [
      'MessageTrace | where SenderAddress == "a@contoso.com" | summarize Count = count() by Status',
      keywordSubjectsKql('MessageTrace | where SenderAddress == "a@contoso.com"', 'list'),
      'MessageTrace | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId | count',
    ];
    for (const dialect of ['duckdb', 'clickhouse'] as const)
      expect(keptColumns(queries, dialect, ['Received'])).toEqual(['Received', 'SenderAddress', 'Subject', 'Status', 'MessageTraceId']);
  });

  it('add nothing for a query of another table, a mistake, or every column', () => {
    expect(keptColumns(['Indicators | count', 'MessageTrace | where Nope == 1', 'MessageTrace | take 5'], 'duckdb', ['Received'])).toEqual([
      'Received',
    ]);
  });
});

describe('keeping the rows of a chip', () => {
  const DAY = 86_400_000;
  const FROM = Date.UTC(2026, 10, 5);
  const LIMITS = { rowLimit: 100_000, maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000, concurrency: 2, concurrencyPerUser: 2 };
  const panelsOf = (id: string) =>
    DashboardSet.load()
      .all()
      .find((d) => d.id === id)!.panels;
  const overview = panelsOf('overview');
  // Its distinct and top recipients read the rows under any chip.
  const monitoring = panelsOf('message-monitoring');
  let store: Store;
  let queries: QueryService;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
    queries = new QueryService(store, LIMITS);
    // 60 rows over the range and the period before: 40 from the US, 20 from Japan, one sender (and domain) each.
    await store.upsertTraces(
      Array.from({ length: 60 }, (_, i) =>
        traceRow({
          MessageTraceId: `m${i}`,
          Received: FROM - DAY + i * 2_000_000,
          FromCountry: i % 3 === 0 ? 'JP' : 'US',
          SenderAddress: i % 3 === 0 ? 'a@contoso.co.jp' : 'b@fabrikam.com',
          SenderDomain: i % 3 === 0 ? 'contoso.co.jp' : 'fabrikam.com',
        }),
      ),
    );
  });
  afterAll(async () => store?.close());

  const keep = (filters: Filters, maxRows: number, panels = overview) =>
    keepFilteredRows(
      queries,
      'duckdb',
      panels,
      { from: FROM, to: FROM + DAY, filters, user: 'u' },
      { embargoedCountries: [] },
      { maxRows, fromRows: 1 },
    );

  it('keeps a country or a domain whose rows the summary tables count at most maxRows', async () => {
    const cases: [Filters, typeof overview][] = [
      [{ country: ['JP'] }, monitoring],
      [{ domain: ['contoso.co.jp'] }, overview],
    ];
    for (const [filters, panels] of cases) {
      const kept = await keep(filters, 30, panels);
      expect(kept?.rows.rows, JSON.stringify(filters)).toBe(20);
      await queries.releaseKept(kept!);
    }
  });

  it('keeps nothing for the Overview under a country chip alone: the summary tables answer every panel', async () => {
    expect(await keep({ country: ['JP'] }, 30)).toBeUndefined();
  });

  it('does not try to keep a chip the summary tables count past maxRows', async () => {
    let tried = 0;
    const materialize = store.materializeRows!.bind(store);
    store.materializeRows = (...args) => {
      tried++;
      return materialize(...args);
    };
    try {
      expect(await keep({ country: ['US'] }, 30, monitoring)).toBeUndefined();
      expect(await keep({ domain: ['fabrikam.com'] }, 30)).toBeUndefined();
      expect(tried).toBe(0);
      // One person's mail is not counted first: tried, and too many.
      expect(await keep({ sender: ['b@fabrikam.com'] }, 30)).toBeUndefined();
      expect(tried).toBe(1);
    } finally {
      store.materializeRows = materialize;
    }
  });
});
