import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z');
const COUNTRIES = ['NG', 'EG', 'BR', 'RU'];

/** 20 partners writing from Japan every day for two weeks (and answered). */
function history(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++)
    for (let i = 0; i < 40; i++)
      rows.push(
        row(START + d * DAY + 1 * HOUR + i * 60_000, {
          SenderAddress: `p@partner${i % 20}.example`,
          RecipientAddress: `u${i}@contoso.com`,
          Subject: `Meeting ${d}-${i} agenda`,
          FromCountry: 'JP',
          FromAsn: 2516,
        }),
        row(START + d * DAY + 2 * HOUR + i * 60_000, {
          SenderAddress: `u${i}@contoso.com`,
          RecipientAddress: `p@partner${i % 20}.example`,
        }),
      );
  return rows;
}

/** The wave: every partner sends `Re: 請求書 No.<n> のご確認` (and full-width variants), from `country(i)`. */
function wave(
  at: number,
  spreadMs: number,
  country: (i: number) => string,
  asn: (i: number) => number,
  partner = (i: number) => i % 20,
): TraceRow[] {
  return Array.from({ length: 80 }, (_, i) =>
    row(at + Math.floor((i * spreadMs) / 80), {
      SenderAddress: `p@partner${partner(i)}.example`,
      RecipientAddress: `u${i % 50}@contoso.com`,
      Subject: `${['Re: ', 'RE: ', 'Ｒｅ：', '返信: '][i % 4]}請求書 No.${10000 + i * 137} のご確認`,
      FromCountry: country(i),
      FromAsn: asn(i),
      Status: i % 5 === 0 ? 'FilteredAsSpam' : 'Delivered',
    }),
  );
}

describe('subject-campaign from known senders', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('finds a reply-chain wave from known partners sending from countries they never used', async () => {
    const at = START + 14 * DAY + 5 * HOUR;
    await load(store, [
      ...history(14),
      ...wave(
        at,
        2 * HOUR,
        (i) => COUNTRIES[i % 4]!,
        (i) => 100 + (i % 4),
      ),
    ]);
    const findings = await runDetections({
      store,
      config: testConfig(),
      rules: ['subject-campaign', 'partner-compromise'],
      now: START + 16 * DAY,
    });
    const campaign = findings.find((f) => f.rule === 'subject-campaign')!;
    expect(campaign.severity).toBe('high');
    expect(campaign.count).toBe(80);
    expect(campaign.entities.subject).toMatch(/請求書 No\.\d+ のご確認$/);
    expect(campaign.details).toMatchObject({ kind: 'known-senders', knownSenderDomains: 20, newSenderDomains: 0, unusualOriginShare: 1 });
    expect(Object.keys(campaign.details.senderCountries as object).sort()).toEqual(['BR', 'EG', 'NG', 'RU']);
    // The same wave seen from the partners' side: one finding for all of them.
    const partners = findings.filter((f) => f.rule === 'partner-compromise');
    expect(partners).toHaveLength(1);
    expect(partners[0]!.count).toBe(80);
    expect((partners[0]!.details.partners as unknown[]).length).toBe(20);
  });

  it('finds a slow wave (a whole working day) by the senders\u2019 new countries alone', async () => {
    const at = START + 14 * DAY;
    await load(store, [
      ...history(14),
      ...wave(
        at,
        9 * HOUR,
        (i) => COUNTRIES[i % 4]!,
        () => 100,
      ),
    ]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['subject-campaign'], now: START + 16 * DAY });
    expect(findings.map((f) => f.details.kind)).toEqual(['known-senders']);
  });

  it('keeps a burst of replies from partners on their usual servers low, and replies spread over the day quiet', async () => {
    const at = START + 14 * DAY + 5 * HOUR;
    await load(store, [
      ...history(14),
      ...wave(
        at,
        2 * HOUR,
        () => 'JP',
        () => 2516,
      ),
    ]);
    let findings = await runDetections({
      store,
      config: testConfig(),
      rules: ['subject-campaign', 'partner-compromise'],
      now: START + 16 * DAY,
    });
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['subject-campaign low']);
    await store.close();
    store = await openStore('duckdb::memory:');
    await load(store, [
      ...history(14),
      // Each partner replies once (four rows), the replies spread over the working day.
      ...wave(
        START + 14 * DAY,
        13 * HOUR,
        () => 'JP',
        () => 2516,
        (i) => Math.floor(i / 4),
      ),
    ]);
    findings = await runDetections({ store, config: testConfig(), rules: ['subject-campaign'], now: START + 16 * DAY });
    expect(findings).toEqual([]);
  });
});
