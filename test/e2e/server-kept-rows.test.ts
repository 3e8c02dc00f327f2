// A dashboard under a sender, recipient, domain or country chip reads that mail once, kept in the engine (Store.materializeRows),
// unless the summary tables answer all but a few of its queries (a country chip alone: all of them):
// every panel answers exactly as the single-panel route, which reads MessageTrace itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type MaterializedRows, type Store } from '../../src/store/index.js';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../support/clickhouse-cluster.js';
import { serverFixture, traceRow, type Browser, type ServerFixture } from './server-fixture.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1);
const STATUSES = ['Delivered', 'Failed', 'FilteredAsSpam', 'Pending', 'Quarantined'] as const;

/** Senders of messages in turn, some more often than others (no ties in a top list). */
const SENDER_OF = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4];

/** 60 days of mail: five senders, some messages to several recipients, subjects in Japanese and English. */
function rows() {
  return Array.from({ length: 600 }, (_, i) => {
    const message = Math.floor(i / 3);
    const sender = SENDER_OF[message % SENDER_OF.length]!;
    return traceRow(i, {
      Received: START + Math.floor((i * 60 * DAY) / 600) + (i % 7) * 1_000,
      SenderAddress: `sender${sender}@${sender % 2 ? 'contoso.com' : 'tailspin.co.jp'}`,
      SenderDomain: sender % 2 ? 'contoso.com' : 'tailspin.co.jp',
      RecipientAddress: `user${i % 4}@fabrikam.co.jp`,
      Subject: message % 3 ? `【至急】請求書の送付 ${message % 4}` : `Quarterly report ${message % 6}`,
      Status: STATUSES[i % STATUSES.length]!,
      Direction: i % 9 === 0 ? 'Outbound' : 'Inbound',
      MessageTraceId: `00000000-0000-0000-0000-${String(message).padStart(12, '0')}`,
      Size: 1_000 + i * 37,
      FromCountry: i % 5 === 0 ? 'KP' : 'JP',
    });
  });
}

/**
 * A panel's answer without its timings, its rows in a fixed order: the engine may give rows in any order that their
 * sort keys allow (a sparkline's bins, statuses of one day, ties of a top list; the data has fewer than ten of each
 * ranked value, so every top list holds all of them).
 */
function comparable(data: unknown): unknown {
  const out = JSON.parse(JSON.stringify(data), (key: string, value: unknown) => (key === 'elapsedMs' ? undefined : value)) as {
    kql: string;
    result: { rows: unknown[][] };
    sparkline?: { rows: unknown[][] };
  };
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  out.result.rows = sorted(out.result.rows) as never;
  if (out.sparkline) out.sparkline.rows = sorted(out.sparkline.rows) as never;
  return out;
}

let clickhouse: ClickHouseCluster | undefined;
afterAll(async () => {
  await clickhouse?.stop();
});

const STORES: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'DuckDB', skip: false, open: () => openStore('duckdb::memory:') },
  {
    name: 'ClickHouse',
    skip: !HAS_CLICKHOUSE_SERVER,
    open: async () => {
      clickhouse ??= await startClickHouseServer();
      return openStore(clickhouse.url('kept_rows', { single: true }));
    },
  },
];

// The rows are kept however few the table's (MAILSIFT_KEPT_ROWS=always); by default only from KEEP_FROM_ROWS.
beforeAll(() => {
  process.env.MAILSIFT_KEPT_ROWS = 'always';
});
afterAll(() => {
  delete process.env.MAILSIFT_KEPT_ROWS;
});

describe.each(STORES)('dashboards under a sender, recipient, domain or country chip ($name)', ({ skip, open }) => {
  if (skip) return void it.skip('(skipped: clickhouse-server not installed)');
  let f: ServerFixture;
  let viewer: Browser;
  const kept: { sql: string; rows: number; released: boolean }[] = [];
  const statements: string[] = [];
  beforeAll(async () => {
    const opened = await open();
    await opened.upsertTraces(rows());
    f = await serverFixture({ store: opened, organization: { embargoedCountries: ['KP'] } });
    viewer = await f.login('viewer');
    // Watch the real method: which rows were kept, and that each was let go.
    const store = f.store as Store & Required<Pick<Store, 'materializeRows'>>;
    const materialize = store.materializeRows.bind(store);
    const query = store.query.bind(store);
    store.query = (sql, ...rest) => {
      statements.push(sql);
      return query(sql, ...rest);
    };
    store.materializeRows = async (...args) => {
      const out = await materialize(...args);
      if (!out) return out;
      const entry = { sql: out.sql, rows: out.rows, released: false };
      kept.push(entry);
      const watched: MaterializedRows = {
        sql: out.sql,
        rows: out.rows,
        release: async () => {
          await out.release();
          entry.released = true;
        },
      };
      return watched;
    };
  }, 120_000);
  afterAll(() => f?.close());

  const range = { from: new Date(START + 30 * DAY).toISOString(), to: new Date(START + 60 * DAY - 60_000).toISOString() };

  async function runBoth(dashboard: string, filters: Record<string, string[]>, timeZone = 'Asia/Tokyo') {
    const body = { ...range, filters, timeZone };
    const res = await f.as(viewer, 'POST', `/api/dashboards/${dashboard}/run`, body);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { panel: string; data?: unknown; error?: unknown });
    for (const line of lines) {
      expect(line.error, `${dashboard}/${line.panel}`).toBeUndefined();
      const single = await f.as(viewer, 'POST', `/api/dashboards/${dashboard}/panels/${line.panel}/run`, body);
      expect(single.statusCode).toBe(200);
      expect(comparable(line.data), `${dashboard}/${line.panel} ${JSON.stringify(filters)}`).toEqual(comparable(single.json()));
    }
    return lines.length;
  }

  it('answers every panel of every dashboard as the table does, and lets the rows go', async () => {
    const dashboards = (await f.as(viewer, 'GET', '/api/dashboards')).json() as { id: string }[];
    expect(dashboards.length).toBeGreaterThanOrEqual(4);
    const chips: Record<string, string[]>[] = [
      { sender: ['sender1@contoso.com'] },
      { recipient: ['user2@fabrikam.co.jp'] },
      { sender: ['sender2@tailspin.co.jp', 'sender4@tailspin.co.jp'], status: ['Delivered', 'failed'] },
      { sender: ['*@contoso.com'], country: ['JP'] },
      { country: ['KP'] },
      { domain: ['tailspin.co.jp'] },
      { fromCountry: ['North Korea'], direction: ['Inbound'] },
    ];
    for (const filters of chips) {
      for (const d of dashboards) {
        const before = kept.length;
        const panels = await runBoth(d.id, filters);
        expect(panels).toBeGreaterThan(0);
        // The Overview's panels read MessageTrace: its rows were kept (those of this range and the 30 days before).
        // Under a country chip alone the summary tables answer every panel: nothing is kept.
        const countriesOnly = Object.keys(filters).every((name) =>
          ['country', 'fromCountry', 'toCountry', 'direction', 'status'].includes(name),
        );
        if (d.id === 'overview' && countriesOnly) expect(kept.length, JSON.stringify(filters)).toBe(before);
        if (d.id === 'overview' && !countriesOnly) {
          expect(kept.length, JSON.stringify(filters)).toBe(before + 1);
          // ... and its panels' queries read them: nine of its ten panels, the intel matches aside.
          const name = kept.at(-1)!.sql;
          expect(statements.filter((sql) => sql.includes(name)).length).toBeGreaterThanOrEqual(9);
        }
      }
    }
    expect(kept.some((k) => k.rows > 0)).toBe(true);
    await expect.poll(() => kept.every((k) => k.released)).toBe(true);
  });

  it('keeps nothing without a sender, recipient, domain or country chip, nor by default for a table this small', async () => {
    const before = kept.length;
    await runBoth('overview', { status: ['Delivered'] });
    await runBoth('overview', {});
    delete process.env.MAILSIFT_KEPT_ROWS;
    try {
      await runBoth('overview', { sender: ['sender1@contoso.com'] });
    } finally {
      process.env.MAILSIFT_KEPT_ROWS = 'always';
    }
    expect(kept.length).toBe(before);
  });
});
