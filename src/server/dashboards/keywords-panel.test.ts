/** The keywords panel on a real DuckDB store: its subjects read as one list, or as rows when the list would pass the byte cap. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { traceRow } from '../../store/testing/trace-row.js';
import { QueryService } from '../query/query-service.js';
import { DashboardSet } from './dashboard-set.js';
import { runPanel, subjectsPastTheCut } from './panel-runner.js';

const LIMITS = { rowLimit: 100_000, maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000, concurrency: 2, concurrencyPerUser: 2 };
const ENV = { embargoedCountries: [] };
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 10, 5);

describe('the keywords panel', () => {
  let store: Store;
  const panel = DashboardSet.load()
    .all()
    .flatMap((d) => d.panels)
    .find((p) => p.kind === 'keywords')!;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
    // 40 subjects this period (invoice i times, 請求書 in every tenth), 5 the period before.
    const rows = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: i + 1 }, (_, k) =>
        traceRow({
          MessageTraceId: `m${i}-${k}`,
          Subject: `invoice ${i}${i % 10 === 0 ? ' 請求書' : ''} project`,
          Received: FROM + i * 60_000 + k,
        }),
      ),
    ).flat();
    const before = Array.from({ length: 5 }, (_, i) =>
      traceRow({ MessageTraceId: `p${i}`, Subject: 'invoice overdue', Received: FROM - DAY + i }),
    );
    await store.upsertTraces([...rows, ...before]);
  });
  afterAll(async () => store?.close());

  const terms = async (maxBytes: number) =>
    (
      await runPanel(new QueryService(store, { ...LIMITS, maxBytes }), store, ENV, panel, {
        from: FROM,
        to: FROM + DAY,
        filters: {},
        user: 't',
      })
    ).terms!;

  it('counts the words of every subject, against the period before', async () => {
    const all = await terms(LIMITS.maxBytes);
    expect(all.find((t) => t.term === 'invoice')).toEqual({ term: 'invoice', count: 820, previous: 5 });
    expect(all.find((t) => t.term === 'project')).toEqual({ term: 'project', count: 820, previous: 0 });
    // Japanese words as Intl.Segmenter splits them (請求書: 請求 + 書, a one-character word left out).
    expect(all.find((t) => t.term === '請求')).toEqual({ term: '請求', count: 1 + 11 + 21 + 31, previous: 0 });
  });

  it('counts the words of the busiest subjects that fit when the list would pass the byte cap', async () => {
    // 600 bytes: the list of 40 subjects (about 1.2 kB) is cut; as rows, the busiest dozen or so fit.
    const some = await terms(600);
    const invoice = some.find((t) => t.term === 'invoice')!;
    expect(invoice.count).toBeGreaterThan(300);
    expect(invoice.count).toBeLessThan(820);
    expect(invoice.previous).toBe(5);
  });

  /** The words the panel counts twice over one row per subject of `subjects` (all in one day), sorted, on a store of its own. */
  const termsTwice = async (subjects: readonly string[]) => {
    const own = await openStore('duckdb::memory:');
    try {
      await own.upsertTraces(
        subjects.map((Subject, i) => traceRow({ MessageTraceId: `t${i}`, Subject, Received: FROM + (i % 1_000) * 60_000 })),
      );
      const request = { from: FROM, to: FROM + DAY, filters: {}, user: 't' };
      const run = async () =>
        (await runPanel(new QueryService(own, LIMITS), own, ENV, { ...panel, top: 30_000 }, request)).terms!.map((t) => t.term).sort();
      return [await run(), await run()] as const;
    } finally {
      await own.close();
    }
  };
  const word = (i: number) => `w${String(i).padStart(5, '0')}`;

  it('counts the subjects past the cut, the same each time, when more than it reads tie at the cut', async () => {
    // 19,990 subjects of two messages, 30 of one: the busiest 20,000 would be any 10 of those 30, so none is read.
    const [first, again] = await termsTwice(Array.from({ length: 40_010 }, (_, i) => (i < 39_980 ? word(i >> 1) : `z${i - 39_980}`)));
    expect(first).toHaveLength(19_990);
    expect(first.some((t) => t.startsWith('z'))).toBe(false);
    expect(again).toEqual(first);
  });

  it('reads the subjects ordered by their text when every one it reads ties at the cut', async () => {
    // 20,010 subjects of one message each: the 20,000 first by text are read, every time.
    const [first, again] = await termsTwice(Array.from({ length: 20_010 }, (_, i) => word(i)));
    expect(first).toHaveLength(20_000);
    expect(first.at(-1)).toBe('w19999');
    expect(again).toEqual(first);
  });
});

describe('the subjects past the cut', () => {
  const pairs = (...counts: number[]) => counts.map((c, i) => [`s${i}`, c] as const);
  it('keeps a whole list, and of a cut one those whose count passes the least read', () => {
    expect(subjectsPastTheCut(pairs(3, 1, 1), false)).toEqual(pairs(3, 1, 1));
    expect(subjectsPastTheCut(pairs(3, 2, 1, 1), true)).toEqual(pairs(3, 2));
    expect(subjectsPastTheCut(pairs(2, 2), true)).toBeUndefined();
  });
});
