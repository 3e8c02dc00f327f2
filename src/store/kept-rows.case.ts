/** The shared store suite, kept rows (Store.materializeRows): what KQL reads from them, the cap, the release. */
import { expect } from 'vitest';
import { compileKql } from '../kql/index.js';
import { runKql } from './run-kql.js';
import type { Store } from './store.js';
import { traceRow } from './testing/trace-row.js';

type Test = (title: string, fn: () => Promise<void>) => void;

const DAY = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

export function runKeptRowsTests(test: Test, store: () => Store): void {
  const seed = (s: Store) =>
    s.upsertTraces(
      Array.from({ length: 50 }, (_, i) =>
        traceRow({
          MessageTraceId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
          Received: DAY + i * HOUR,
          SenderAddress: `s${i % 3}@contoso.com`,
          Status: i % 2 ? 'Delivered' : 'Failed',
          Size: 100 + i,
        }),
      ),
    );
  const keep = (s: Store, kql: string, maxRows: number) => {
    const c = compileKql(kql, { dialect: s.dialect, timeRange: { from: DAY, to: DAY + 24 * HOUR }, engineTypes: true });
    return s.materializeRows!(c.sql, c.params, { maxRows });
  };

  test('kept rows are read by KQL with the time range applied, until released', async () => {
    const s = store();
    if (!s.materializeRows) return;
    await seed(s);
    const kept = await keep(s, 'MessageTrace | where SenderAddress == "s1@contoso.com" | project Received, Status, Size', 1000);
    expect(kept?.rows).toBe(8);
    const tableSources = { MessageTrace: { sql: kept!.sql, columns: ['Received', 'Status', 'Size'] } };
    const query = '| summarize n = count(), bytes = sum(Size) by Status | sort by Status asc';
    const timeRange = { from: DAY + 6 * HOUR, to: DAY + 24 * HOUR };
    const fromKept = await runKql(s, `MessageTrace ${query}`, { timeRange, tableSources });
    const fromTable = await runKql(s, `MessageTrace | where SenderAddress == "s1@contoso.com" ${query}`, { timeRange });
    expect(fromKept.rows).toEqual(fromTable.rows);
    expect(fromKept.rows).toEqual([
      ['Delivered', 3, 339],
      ['Failed', 3, 348],
    ]);
    // A column the kept rows lack is unknown, as in any table.
    expect(() => compileKql('MessageTrace | project Subject', { dialect: s.dialect, tableSources })).toThrow(/Subject/);
    await kept!.release();
    await expect(s.query(`SELECT count(*) FROM ${kept!.sql}`)).rejects.toThrow();
  });

  test('rows are not kept past maxRows', async () => {
    const s = store();
    if (!s.materializeRows) return;
    await seed(s);
    expect(await keep(s, 'MessageTrace | project Received', 23)).toBeUndefined();
    const all = await keep(s, 'MessageTrace | project Received, MessageTraceId', 24);
    expect(all?.rows).toBe(24);
    expect(
      (
        await runKql(s, 'MessageTrace | summarize dcount(MessageTraceId)', {
          tableSources: { MessageTrace: { sql: all!.sql, columns: ['Received', 'MessageTraceId'] } },
        })
      ).rows,
    ).toEqual([[24]]);
    await all!.release();
  });
}
