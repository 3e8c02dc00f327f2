import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const T = Date.parse('2026-03-05T10:00:00Z');
const ind = (Indicator: string, Type: IndicatorRow['Type'], Confidence: number, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  Indicator,
  Type,
  Confidence,
  Actor: 'TA542',
  Labels: ['emotet'],
  Feed: 'soc',
  ValidFrom: null,
  ValidUntil: null,
  ...extra,
});

describe('threat-intel-match', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('matches senders, domains (with subdomains), IPs in a CIDR and recipients; severity from confidence', async () => {
    await store.replaceIndicators('soc', [
      ind('bad@evil.example', 'email', 85),
      ind('phish.example', 'domain', 60),
      ind('198.51.100.0/24', 'cidr', 40),
      ind('drop@exfil.example', 'email', 90),
    ]);
    await load(store, [
      row(T, { SenderAddress: 'bad@evil.example', RecipientAddress: 'a@contoso.com' }),
      row(T + 1000, { SenderAddress: 'x@login.phish.example', RecipientAddress: 'a@contoso.com', Status: 'FilteredAsSpam' }),
      row(T + 2000, { SenderAddress: 'y@other.example', RecipientAddress: 'b@contoso.com', FromIP: '198.51.100.77' }),
      row(T + 3000, { SenderAddress: 'a@contoso.com', RecipientAddress: 'drop@exfil.example' }),
      row(T + 4000, { SenderAddress: 'ok@fine.example', RecipientAddress: 'b@contoso.com', FromIP: '203.0.113.1' }),
    ]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['threat-intel-match'], now: T + 86_400_000 });
    const got = findings.map((f) => [f.details.matchedOn, f.severity]);
    expect(got).toEqual([
      ['SenderAddress', 'high'],
      ['SenderDomain', 'low'],
      ['FromIP', 'low'],
      ['RecipientAddress', 'critical'],
    ]);
    expect(findings[1]!.entities.senderDomain).toBe('login.phish.example');
    expect(findings[2]!.entities.ip).toBe('198.51.100.77');
  });

  it('ignores expired indicators', async () => {
    await store.replaceIndicators('soc', [ind('bad@evil.example', 'email', 85, { ValidUntil: T - 86_400_000 })]);
    await load(store, [row(T, { SenderAddress: 'bad@evil.example', RecipientAddress: 'a@contoso.com' })]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['threat-intel-match'], now: T + 3_600_000 });
    expect(findings).toEqual([]);
  });

  it('names an indicator without an actor "unknown", never the stored placeholder', async () => {
    await store.replaceIndicators('soc', [ind('bad@evil.example', 'email', 85, { Actor: '' })]);
    await load(store, [row(T, { SenderAddress: 'bad@evil.example', RecipientAddress: 'a@contoso.com' })]);
    const [f] = await runDetections({ store, config: testConfig(), rules: ['threat-intel-match'], now: T + 3_600_000 });
    expect(f!.title).toContain('matches an unknown-actor indicator');
    expect(f!.title).not.toMatch(/unassigned/i);
    expect(JSON.stringify(f!.details)).not.toMatch(/unassigned/i);
    expect((f!.details.indicators as { actor: string }[])[0]!.actor).toBe('unknown');
  });
});
