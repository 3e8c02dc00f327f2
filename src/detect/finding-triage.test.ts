import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { FindingNotFoundError, FindingTriageError } from './errors.js';
import { fullEntities, type Finding } from './finding.js';
import { addFindingNote, assignFinding, findingTimeline } from './finding-triage.js';
import { countFindingsByState, getFinding, listFindings, saveFindings, updateFindingState } from './findings-store.js';
import { relatedFindings } from './related-findings.js';

const T = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;

const finding = (id: string, entities: Partial<Finding['entities']>, over: Partial<Finding> = {}): Finding => ({
  id,
  rule: 'embargoed-geo',
  severity: 'high',
  title: `t ${id}`,
  from: new Date(T + HOUR).toISOString(),
  to: new Date(T + 2 * HOUR).toISOString(),
  count: 3,
  entities: fullEntities(entities),
  query: 'MessageTrace',
  details: {},
  ...over,
});

describe('working a finding', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    await saveFindings(
      store,
      [
        finding('a', { sender: 'Eve@Evil.example', ip: '203.0.113.9' }),
        finding('b', { senderDomain: 'evil.example' }, { rule: 'lookalike-domain', severity: 'medium' }),
        finding('c', { ip: '203.0.113.9' }, { rule: 'threat-intel-match' }),
        finding('d', { sender: 'someone@else.example' }),
        finding('far', { ip: '203.0.113.9' }, { from: '2025-01-01T00:00:00.000Z', to: '2025-01-01T01:00:00.000Z' }),
      ],
      T,
    );
  });
  afterEach(async () => store.close());

  it('assigns, notes and changes state, and tells it back as one history: who, what, when', async () => {
    await assignFinding(store, 'a', 'alice', 'bob', T + HOUR);
    await updateFindingState(store, 'a', 'acknowledged', 'alice', T + 2 * HOUR);
    await addFindingNote(store, 'a', '  <img src=x onerror=alert(1)> is the sender  ', 'alice', T + 3 * HOUR);
    await updateFindingState(store, 'a', 'closed', 'alice', T + 4 * HOUR);
    await assignFinding(store, 'a', '', 'alice', T + 5 * HOUR);
    expect(await findingTimeline(store, 'a')).toEqual([
      { kind: 'assignee', value: 'alice', by: 'bob', at: new Date(T + HOUR).toISOString() },
      { kind: 'state', value: 'acknowledged', by: 'alice', at: new Date(T + 2 * HOUR).toISOString() },
      { kind: 'note', value: '<img src=x onerror=alert(1)> is the sender', by: 'alice', at: new Date(T + 3 * HOUR).toISOString() },
      { kind: 'state', value: 'closed', by: 'alice', at: new Date(T + 4 * HOUR).toISOString() },
      { kind: 'assignee', value: '', by: 'alice', at: new Date(T + 5 * HOUR).toISOString() },
    ]);
    expect((await getFinding(store, 'a'))?.assignee).toBe('');
  });

  it('lists by assignee and severity, and counts per state whatever the state filter', async () => {
    await assignFinding(store, 'a', 'alice', 'bob');
    await assignFinding(store, 'b', 'alice', 'bob');
    await assignFinding(store, 'b', 'carol', 'bob');
    await updateFindingState(store, 'c', 'closed', 'bob');
    const list = await listFindings(store, { assignee: 'alice' });
    expect(list.map((f) => [f.id, f.assignee])).toEqual([['a', 'alice']]);
    expect((await listFindings(store, { assignee: 'nobody' })).length).toBe(0);
    expect((await listFindings(store, { severity: 'medium' })).map((f) => f.id)).toEqual(['b']);
    expect((await listFindings(store, { severity: ['medium', 'high'], minSeverity: 'high', from: T })).map((f) => f.id).sort()).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect(await countFindingsByState(store, { state: 'closed', from: T })).toEqual({ open: 3, acknowledged: 0, closed: 1 });
    expect(await countFindingsByState(store, { assignee: 'carol' })).toEqual({ open: 1, acknowledged: 0, closed: 0 });
  });

  it('refuses empty or overlong notes, odd assignees and unknown findings', async () => {
    await expect(addFindingNote(store, 'a', '   ', 'bob')).rejects.toBeInstanceOf(FindingTriageError);
    await expect(addFindingNote(store, 'a', 'x'.repeat(10_001), 'bob')).rejects.toBeInstanceOf(FindingTriageError);
    await expect(assignFinding(store, 'a', 'al\nice', 'bob')).rejects.toBeInstanceOf(FindingTriageError);
    await expect(addFindingNote(store, 'nope', 'x', 'bob')).rejects.toBeInstanceOf(FindingNotFoundError);
    await expect(assignFinding(store, 'nope', 'alice', 'bob')).rejects.toBeInstanceOf(FindingNotFoundError);
    expect(await store.findingActivity()).toEqual([]);
  });

  it('relates findings that share a sender, its domain or an IP, near in time', async () => {
    const a = (await getFinding(store, 'a'))!;
    const related = await relatedFindings(store, a);
    expect(related.map((r) => [r.finding.id, r.shared]).sort()).toEqual([
      ['b', ['senderDomain']],
      ['c', ['ip']],
    ]);
    expect(await relatedFindings(store, (await getFinding(store, 'd'))!)).toEqual([]);
  });
});
