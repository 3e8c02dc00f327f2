import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import type { TraceRow } from '../../schema/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T00:00:00Z'); // a Monday

/** Three weeks of spam: ~8 an hour on working days, ~4 on weekends, with the day's rhythm. */
function background(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++) {
    const weekend = [5, 6].includes(d % 7);
    for (let h = 0; h < 24; h++) {
      const n = (weekend ? 4 : 8) + ((d * 7 + h * 3) % 3);
      for (let i = 0; i < n; i++) {
        const t = START + d * 24 * HOUR + h * HOUR + i * 60_000;
        rows.push(
          row(t, {
            SenderAddress: `s${(d + i) % 40}@spam${i % 9}.example`,
            RecipientAddress: `u${i}@contoso.com`,
            Status: 'FilteredAsSpam',
          }),
        );
        rows.push(row(t + 1000, { SenderAddress: `p${i}@fabrikam.com`, RecipientAddress: `u${i}@contoso.com` }));
      }
    }
  }
  return rows;
}

function wave(at: number, hours: number, perHour: number, domain: string): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let h = 0; h < hours; h++) {
    for (let i = 0; i < perHour; i++) {
      rows.push(
        row(at + h * HOUR + Math.floor((i * HOUR) / perHour), {
          SenderAddress: `billing${i % 7}@${domain}`,
          RecipientAddress: `u${i % 50}@contoso.com`,
          Status: 'FilteredAsSpam',
        }),
      );
    }
  }
  return rows;
}

describe('status-spike', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('fires on a sustained rise, with the factor and the domain behind it', async () => {
    const spikeAt = START + 16 * 24 * HOUR + 4 * HOUR; // Wednesday of week 3
    await load(store, [...background(21), ...wave(spikeAt, 3, 120, 'pay-update.example')]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['status-spike'], now: START + 22 * 24 * HOUR });
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.entities.status).toBe('FilteredAsSpam');
    expect(f.entities.senderDomain).toBe('pay-update.example');
    expect(f.title).toMatch(/^FilteredAsSpam \d+x above its usual level/);
    expect(Date.parse(f.from)).toBeGreaterThanOrEqual(spikeAt);
    expect(Date.parse(f.to)).toBeLessThan(spikeAt + 3 * HOUR);
    expect(f.details.factor).toBeGreaterThan(10);
    expect(f.query).toContain('Status == "FilteredAsSpam"');
    // The chart's series: the day before the spike to six hours after, the raised hours far above their usual level.
    const series = f.details.series as { hour: string; observed: number; expected: number | null }[];
    const firstRaised = Math.floor(Date.parse(f.from) / HOUR) * HOUR;
    expect(Date.parse(series[0]!.hour)).toBe(firstRaised - 24 * HOUR);
    expect(series.map((p) => Date.parse(p.hour) - Date.parse(series[0]!.hour))).toEqual(series.map((_, i) => i * HOUR));
    const raised = series.filter((p) => Date.parse(p.hour) >= firstRaised && Date.parse(p.hour) <= Date.parse(f.to));
    expect(raised.length).toBeGreaterThanOrEqual(2);
    for (const p of raised) expect(p.observed).toBeGreaterThan(5 * (p.expected ?? 0));
    expect(raised.reduce((n, p) => n + p.observed, 0)).toBe(f.details.observed);
    expect(series.filter((p) => p.expected !== null).length).toBe(series.length);
  });

  it('stays quiet on a one-hour blip and on the ordinary weekly rhythm', async () => {
    const blipAt = START + 16 * 24 * HOUR + 4 * HOUR;
    await load(store, [...background(21), ...wave(blipAt, 1, 35, 'pay-update.example')]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['status-spike'], now: START + 22 * 24 * HOUR });
    expect(findings).toEqual([]);
  });

  it('judges hours in the configured time zone', async () => {
    const spikeAt = START + 16 * 24 * HOUR + 4 * HOUR;
    await load(store, [...background(21), ...wave(spikeAt, 3, 120, 'pay-update.example')]);
    const findings = await runDetections({
      store,
      config: testConfig({ timeZone: 'Asia/Tokyo' }),
      rules: ['status-spike'],
      now: START + 22 * 24 * HOUR,
    });
    expect(findings.map((f) => f.entities.status)).toEqual(['FilteredAsSpam']);
    expect(findings[0]!.details.timeZone).toBe('Asia/Tokyo');
  });
});
