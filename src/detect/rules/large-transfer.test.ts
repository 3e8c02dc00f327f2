import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MB = 1024 * 1024;
const START = Date.parse('2026-03-02T00:00:00Z');

/** Mail both ways with a partner every day (so it is a partner), small attachments otherwise. */
function history(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++) {
    rows.push(
      row(START + d * DAY + 9 * HOUR, { SenderAddress: 'dev@contoso.com', RecipientAddress: 'eng@fabrikam.example', Size: 2 * MB }),
    );
    rows.push(
      row(START + d * DAY + 10 * HOUR, { SenderAddress: 'eng@fabrikam.example', RecipientAddress: 'dev@contoso.com', Size: 1 * MB }),
    );
    rows.push(
      row(START + d * DAY + 11 * HOUR, { SenderAddress: 'dev@contoso.com', RecipientAddress: `x${d}@client.example`, Size: 3 * MB }),
    );
  }
  return rows;
}

const transfer = (day: number, n: number, size: number, to: string) =>
  Array.from({ length: n }, (_, i) =>
    row(START + day * DAY + 9 * HOUR + i * 600_000, { SenderAddress: 'dev@contoso.com', RecipientAddress: to, Size: size }),
  );

describe('large-transfer', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('reports a day above the size limit, naming the recipient that took it', async () => {
    await load(store, [...history(10), ...transfer(9, 40, 30 * MB, 'me.home@gmail.com')]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['large-transfer'], now: START + 11 * DAY });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'critical',
      count: 40,
      entities: { sender: 'dev@contoso.com', recipient: 'me.home@gmail.com' },
    });
    // Over the limit, the day is not judged against a baseline: the chart has no usual level.
    expect((findings[0]!.details.series as { expected: number | null }[]).every((p) => p.expected === null)).toBe(true);
  });

  it("reports far above the sender's baseline to a stranger, but not the same volume to a partner", async () => {
    await load(store, [
      ...history(10),
      ...transfer(8, 20, 20 * MB, 'unknown@dropbox-share.example'),
      ...transfer(9, 20, 20 * MB, 'eng@fabrikam.example'),
    ]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['large-transfer'], now: START + 11 * DAY });
    expect(findings.map((f) => [f.entities.recipient, f.details.reason])).toEqual([['unknown@dropbox-share.example', 'baseline']]);
    // The chart's series: bytes to non-partners per local day up to the transfer, each against the usual day.
    const { series, seriesUnit, usualBytes } = findings[0]!.details as {
      series: { day: string; observed: number; expected: number | null }[];
      seriesUnit: string;
      usualBytes: number;
    };
    expect(seriesUnit).toBe('bytes');
    expect(series.map((p) => p.day)).toEqual(Array.from({ length: 9 }, (_, d) => new Date(START + d * DAY).toISOString()));
    expect(series.map((p) => p.observed)).toEqual([...Array.from({ length: 8 }, () => 3 * MB), 3 * MB + 400 * MB]);
    expect(series.every((p) => p.expected === usualBytes)).toBe(true);
  });
});
