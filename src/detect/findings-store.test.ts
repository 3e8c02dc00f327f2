import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { DetectConfigError, FindingNotFoundError, FindingStateError } from './errors.js';
import { fullEntities, type Finding } from './finding.js';
import { listFindings, saveFindings, updateFindingState } from './findings-store.js';
import { runDetections } from './run-detections.js';
import { testConfig } from './testing/trace-rows.js';

const finding = (id: string, over: Partial<Finding> = {}): Finding => ({
  id,
  rule: 'embargoed-geo',
  severity: 'high',
  title: `t ${id}`,
  from: '2026-03-02T01:00:00.000Z',
  to: '2026-03-02T02:00:00.000Z',
  count: 3,
  entities: fullEntities({ country: 'KP', subject: 'Quote "x" \u0000 \' ; DROP TABLE Findings' }),
  query: 'MessageTrace',
  details: { a: [1, 2] },
  ...over,
});

describe('the Findings table', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('stores findings, updates them in place and keeps their triage state', async () => {
    await saveFindings(
      store,
      [finding('a'), finding('b', { severity: 'low', from: '2026-03-03T00:00:00.000Z', to: '2026-03-03T01:00:00.000Z' })],
      Date.parse('2026-03-04T00:00:00Z'),
    );
    const acked = await updateFindingState(store, 'a', 'acknowledged', 'alice', Date.parse('2026-03-04T01:00:00Z'));
    expect(acked).toMatchObject({ state: 'acknowledged', updatedBy: 'alice', updatedAt: '2026-03-04T01:00:00.000Z' });
    await saveFindings(
      store,
      [finding('a', { count: 9, to: '2026-03-02T05:00:00.000Z', title: 'grown' })],
      Date.parse('2026-03-05T00:00:00Z'),
    );
    const [b, a] = await listFindings(store);
    expect(a).toMatchObject({
      id: 'a',
      count: 9,
      title: 'grown',
      to: '2026-03-02T05:00:00.000Z',
      state: 'acknowledged',
      updatedBy: 'alice',
    });
    expect(a!.entities.subject).toBe(finding('a').entities.subject);
    expect(a!.details).toEqual({ a: [1, 2] });
    expect(b).toMatchObject({ id: 'b', state: 'open', updatedBy: '' });
  });

  it('filters by time, rule, severity and state', async () => {
    await saveFindings(
      store,
      [
        finding('a'),
        finding('b', { severity: 'low', rule: 'status-spike', from: '2026-03-03T00:00:00.000Z', to: '2026-03-03T01:00:00.000Z' }),
      ],
      0,
    );
    await updateFindingState(store, 'b', 'closed', 'bob');
    expect((await listFindings(store, { minSeverity: 'medium' })).map((f) => f.id)).toEqual(['a']);
    expect((await listFindings(store, { rule: 'status-spike' })).map((f) => f.id)).toEqual(['b']);
    expect((await listFindings(store, { state: ['open', 'acknowledged'] })).map((f) => f.id)).toEqual(['a']);
    expect((await listFindings(store, { from: '2026-03-02T12:00:00Z' })).map((f) => f.id)).toEqual(['b']);
    expect((await listFindings(store, { to: '2026-03-02T12:00:00Z', limit: 1 })).map((f) => f.id)).toEqual(['a']);
  });

  it('rejects unknown ids and states with named errors', async () => {
    await saveFindings(store, [finding('a')], 0);
    await expect(updateFindingState(store, 'nope', 'closed', 'x')).rejects.toBeInstanceOf(FindingNotFoundError);
    await expect(updateFindingState(store, 'a', 'resolved', 'x')).rejects.toBeInstanceOf(FindingStateError);
  });

  it('names the configuration key at fault', async () => {
    await expect(runDetections({ store, config: testConfig({ 'status-spike': { minFactor: 'x' } }) })).rejects.toThrow(
      /^detections\.status-spike\.minFactor: /,
    );
    await expect(runDetections({ store, config: testConfig({ timeZone: 'Mars/Olympus' }) })).rejects.toBeInstanceOf(DetectConfigError);
    await expect(runDetections({ store, config: testConfig({ 'outbound-burst': { nope: 1 } }) })).rejects.toThrow(
      /detections\.outbound-burst/,
    );
  });

  it("names the key at fault in Japanese when organization.language is ja, zod's wording and the schema's own", async () => {
    const ja = (detections: Record<string, unknown>) => {
      const c = testConfig(detections);
      return { ...c, organization: { ...c.organization, language: 'ja' as const } };
    };
    await expect(runDetections({ store, config: ja({ 'status-spike': { minFactor: 'x' } }) })).rejects.toThrow(
      /^detections\.status-spike\.minFactor: 無効な入力/,
    );
    await expect(runDetections({ store, config: ja({ timeZone: 'Mars/Olympus' }) })).rejects.toThrow(
      'detections.timeZone: Asia/Tokyo のような IANA タイムゾーンにしてください',
    );
    await expect(runDetections({ store, config: ja({ 'outbound-burst': { nope: 1 } }) })).rejects.toThrow(
      /^detections\.outbound-burst: 認識されていないキー/,
    );
  });

  it('returns nothing on an empty store', async () => {
    expect(await runDetections({ store, config: testConfig() })).toEqual([]);
  });
});
