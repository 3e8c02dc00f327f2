import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z');

/** Ten days of ordinary inbound mail from known partners, and a daily newsletter from one known sender. */
function history(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < 30; i++) {
      rows.push(
        row(START + d * DAY + 9 * HOUR + i * 60_000, {
          SenderAddress: `p${i % 5}@partner${i % 5}.example`,
          RecipientAddress: `u${i}@contoso.com`,
          Subject: `Meeting ${d}-${i} agenda`,
        }),
      );
    }
    for (let i = 0; i < 40; i++) {
      rows.push(
        row(START + d * DAY + 7 * HOUR + i * 1000, {
          SenderAddress: 'digest@news.example',
          RecipientAddress: `u${i}@contoso.com`,
          Subject: `Daily digest 2026/03/${String(d + 2).padStart(2, '0')}: today's news`,
        }),
      );
    }
  }
  return rows;
}

describe('subject-campaign', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('finds an Emotet-style reply chain from many new senders, whatever the numbers', async () => {
    const at = START + 10 * DAY + 2 * HOUR;
    const campaign = Array.from({ length: 36 }, (_, i) =>
      row(at + i * 240_000, {
        SenderAddress: `keiri@compromised${i % 12}.example`,
        RecipientAddress: `u${i}@contoso.com`,
        Subject: `${['Re: ', 'RE: ', 'Fwd: Re: '][i % 3]}請求書 No.${10000 + i * 137}`,
      }),
    );
    await load(store, [...history(11), ...campaign]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['subject-campaign'], now: START + 12 * DAY });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.entities.subject).toMatch(/請求書 No\.\d+$/);
    expect(findings[0]!.count).toBe(36);
    expect(findings[0]!.details).toMatchObject({ newSenderDomains: 12, distinctRecipients: 36 });
  });

  it('stays quiet on the daily newsletter and on a burst from known partners', async () => {
    const at = START + 10 * DAY + 2 * HOUR;
    const invoices = Array.from({ length: 30 }, (_, i) =>
      row(at + i * 60_000, {
        SenderAddress: `p${i % 5}@partner${i % 5}.example`,
        RecipientAddress: `keiri${i}@contoso.com`,
        Subject: `Invoice ${2000 + i} for March`,
      }),
    );
    await load(store, [...history(11), ...invoices]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['subject-campaign'], now: START + 12 * DAY });
    expect(findings).toEqual([]);
  });
});
