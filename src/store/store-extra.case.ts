/** The shared store suite, part two: findings, intel entity reads, retention and the detection hooks. */
import { expect } from 'vitest';
import type { FindingRow } from '../schema/index.js';
import type { Store } from './store.js';
import { traceRow } from './testing/trace-row.js';

type Test = (title: string, fn: () => Promise<void>) => void;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const D = Date.UTC(2026, 2, 2); // a Monday

const finding = (id: string, over: Partial<FindingRow> = {}): FindingRow => ({
  Id: id,
  Rule: 'embargoed-geo',
  Severity: 'high',
  Title: `t ${id}`,
  From: D + HOUR,
  To: D + 2 * HOUR,
  Count: 3,
  Entities: { country: 'KP', subject: `Quote "x" \u0000 ' ; DROP TABLE Findings` },
  Query: 'MessageTrace',
  Details: { a: [1, 2] },
  ...over,
});

/** Cases every engine runs besides those of store.case.ts. */
export function runStoreExtraTests(test: Test, store: () => Store, count: (table: string) => Promise<number>): void {
  test('findings are saved as open and keep their triage state when saved again', async () => {
    const s = store();
    await s.saveFindings([finding('a'), finding('b', { Severity: 'low', From: D + DAY, To: D + DAY + HOUR })], D + 3 * DAY);
    expect(await s.setFindingState({ Id: 'a', State: 'acknowledged', UpdatedBy: 'alice', UpdatedAt: D + 4 * DAY })).toMatchObject({
      Id: 'a',
      State: 'acknowledged',
      UpdatedBy: 'alice',
      UpdatedAt: D + 4 * DAY,
    });
    await s.saveFindings([finding('a', { Count: 9, From: D + 2 * HOUR, To: D + 5 * HOUR, Title: 'grown' })], D + 5 * DAY);
    const [b, a] = await s.listFindings();
    expect(a).toEqual({
      ...finding('a'),
      Count: 9,
      Title: 'grown',
      From: D + HOUR,
      To: D + 5 * HOUR,
      State: 'acknowledged',
      UpdatedBy: 'alice',
      UpdatedAt: D + 4 * DAY,
    });
    expect(b).toMatchObject({ Id: 'b', State: 'open', UpdatedBy: '', UpdatedAt: D + 3 * DAY });
    expect(await s.getFinding('nope')).toBeUndefined();
    expect(await s.setFindingState({ Id: 'nope', State: 'closed', UpdatedBy: 'x', UpdatedAt: D })).toBeUndefined();
  });

  test('findings are listed by time, rule, severity and state, newest then most severe first', async () => {
    const s = store();
    await s.saveFindings(
      [
        finding('a'),
        finding('c', { Severity: 'critical' }),
        finding('b', { Severity: 'low', Rule: 'status-spike', From: D + DAY, To: D + DAY + HOUR }),
      ],
      D,
    );
    await s.setFindingState({ Id: 'b', State: 'closed', UpdatedBy: 'bob', UpdatedAt: D + DAY });
    const ids = async (filter: Parameters<Store['listFindings']>[0]) => (await s.listFindings(filter)).map((f) => f.Id);
    expect(await ids({})).toEqual(['b', 'c', 'a']);
    expect(await ids({ severities: ['high', 'critical'] })).toEqual(['c', 'a']);
    expect(await ids({ rules: ['status-spike'] })).toEqual(['b']);
    expect(await ids({ states: ['open', 'acknowledged'] })).toEqual(['c', 'a']);
    expect(await ids({ endsFrom: D + 12 * HOUR })).toEqual(['b']);
    expect(await ids({ startsTo: D + 12 * HOUR, limit: 1 })).toEqual(['c']);
    expect(await ids({ startsTo: D + 12 * HOUR, limit: 1, offset: 1 })).toEqual(['a']);
    expect(await ids({ rules: [] })).toEqual([]);
  });

  test('state changes are kept as a history, oldest first', async () => {
    const s = store();
    await s.saveFindings([finding('a')], D);
    await s.setFindingState({ Id: 'a', State: 'acknowledged', UpdatedBy: 'alice', UpdatedAt: D + HOUR });
    await s.setFindingState({ Id: 'a', State: 'closed', UpdatedBy: 'bob', UpdatedAt: D + 2 * HOUR });
    expect(await s.findingHistory('a')).toEqual([
      { Id: 'a', State: 'acknowledged', UpdatedBy: 'alice', UpdatedAt: D + HOUR },
      { Id: 'a', State: 'closed', UpdatedBy: 'bob', UpdatedAt: D + 2 * HOUR },
    ]);
    expect(await s.findingHistory('b')).toEqual([]);
  });

  test('findings are counted per state and listed by id; assignments and notes are kept as their activity', async () => {
    const s = store();
    await s.saveFindings([finding('a'), finding('b'), finding('c', { Rule: 'status-spike' })], D);
    await s.setFindingState({ Id: 'b', State: 'closed', UpdatedBy: 'bob', UpdatedAt: D + HOUR });
    expect(await s.countFindingsByState()).toEqual({ open: 2, closed: 1 });
    expect(await s.countFindingsByState({ rules: ['embargoed-geo'], limit: 1 })).toEqual({ open: 1, closed: 1 });
    expect(await s.countFindingsByState({ ids: [] })).toEqual({});
    expect((await s.listFindings({ ids: ['c', 'a', 'nope'] })).map((f) => f.Id).sort()).toEqual(['a', 'c']);
    const note = `=HYPERLINK("http://x") '; DROP TABLE Findings -- 請求書`;
    expect(await s.addFindingActivity({ Id: 'a', Kind: 'assignee', Value: 'alice', By: 'bob', At: D + HOUR })).toBe(true);
    expect(await s.addFindingActivity({ Id: 'a', Kind: 'note', Value: note, By: 'alice', At: D + 2 * HOUR })).toBe(true);
    expect(await s.addFindingActivity({ Id: 'a', Kind: 'note', Value: 'same time', By: 'alice', At: D + 2 * HOUR })).toBe(true);
    expect(await s.addFindingActivity({ Id: 'c', Kind: 'assignee', Value: '', By: 'bob', At: D })).toBe(true);
    expect(await s.addFindingActivity({ Id: 'nope', Kind: 'note', Value: 'x', By: 'bob', At: D })).toBe(false);
    expect(await s.findingActivity({ ids: ['a'] })).toEqual([
      { Id: 'a', Kind: 'assignee', Value: 'alice', By: 'bob', At: D + HOUR },
      { Id: 'a', Kind: 'note', Value: note, By: 'alice', At: D + 2 * HOUR },
      { Id: 'a', Kind: 'note', Value: 'same time', By: 'alice', At: D + 2 * HOUR },
    ]);
    expect((await s.findingActivity({ kinds: ['assignee'] })).map((e) => [e.Id, e.Value])).toEqual([
      ['c', ''],
      ['a', 'alice'],
    ]);
    expect(await s.findingActivity({ ids: [] })).toEqual([]);
    expect((await s.findingActivity()).length).toBe(4);
  });

  test('intel reads: distinct values and per-value messages, first and last seen, over a window', async () => {
    const s = store();
    await s.upsertTraces([
      traceRow({ MessageTraceId: 'm1', Received: D + HOUR, SenderAddress: 'evil@bad.example' }),
      traceRow({ MessageTraceId: 'm1', Received: D + HOUR, SenderAddress: 'evil@bad.example', RecipientAddress: 'x@contoso.com' }),
      traceRow({ MessageTraceId: 'm2', Received: D + 3 * HOUR, SenderAddress: 'evil@bad.example' }),
      traceRow({ MessageTraceId: 'm3', Received: D + 5 * HOUR, SenderAddress: 'ok@good.example', FromIP: '' }),
    ]);
    expect((await s.distinctValues('SenderAddress')).sort()).toEqual(['evil@bad.example', 'ok@good.example']);
    expect(await s.distinctValues('SenderAddress', { from: D + 2 * HOUR, to: D + 5 * HOUR })).toEqual(['evil@bad.example']);
    expect(await s.distinctValues('FromIP', { from: D + 4 * HOUR })).toEqual([]);
    expect(await s.entityValueStats('SenderAddress', ['evil@bad.example', 'nobody@x.example'])).toEqual([
      { value: 'evil@bad.example', messages: 2, first: new Date(D + HOUR).toISOString(), last: new Date(D + 3 * HOUR).toISOString() },
    ]);
    expect(await s.entityValueStats('SenderAddress', ['evil@bad.example'], { to: D + 2 * HOUR })).toEqual([
      { value: 'evil@bad.example', messages: 1, first: new Date(D + HOUR).toISOString(), last: new Date(D + HOUR).toISOString() },
    ]);
    expect(await s.entityValueStats('SenderAddress', [])).toEqual([]);
  });

  test('retention deletes rows older than the cutoff from every table with a time column', async () => {
    const s = store();
    const old = D - 10 * DAY;
    await s.upsertTraces([traceRow({ Received: old }), traceRow({ Received: D, MessageTraceId: 'new' })]);
    const ev = { MessageTraceId: 't', MessageId: '<m>', SenderAddress: 'a@x.com', RecipientAddress: 'b@contoso.com', Source: 'SMTP' };
    const more = { Detail: '', ClientIP: '', ServerHostname: 'EX1' };
    await s.insertEvents([
      { ...ev, ...more, Timestamp: old, Event: 'RECEIVE' },
      { ...ev, ...more, Timestamp: D, Event: 'DELIVER' },
    ]);
    const w = { User: 'u@contoso.com', Product: 'EDR', Detection: 'x', Severity: 'high', Name: 'edr' };
    await s.replaceWatchlist('edr', [
      { ...w, Timestamp: old },
      { ...w, Timestamp: D },
    ]);
    await s.saveFindings([finding('old', { From: old, To: old + HOUR }), finding('new')], D);
    await s.addFindingActivity({ Id: 'new', Kind: 'note', Value: 'old note', By: 'a', At: old });
    await s.addFindingActivity({ Id: 'new', Kind: 'note', Value: 'new note', By: 'a', At: D });
    const m = {
      EntityType: 'sender',
      Indicator: 'i',
      IndicatorType: 'email',
      Confidence: 1,
      Band: 'low',
      Actor: 'a',
      Feed: 'f',
      Labels: [],
    };
    await s.replaceIntelMatches([
      { ...m, Entity: 'old', FirstSeen: old, LastSeen: old, Messages: 1 },
      { ...m, Entity: 'new', FirstSeen: old, LastSeen: D, Messages: 1 },
    ]);
    const deleted = await s.deleteOlderThan(D - DAY);
    expect(deleted).toEqual({ MessageTrace: 1, MessageEvents: 1, Watchlist: 1, Findings: 1, IntelMatches: 1 });
    for (const table of ['MessageTrace', 'MessageEvents', 'Watchlist', 'Findings', 'IntelMatches']) expect(await count(table)).toBe(1);
    expect((await s.findingActivity()).map((e) => e.Value)).toEqual(['new note']);
  });

  test('detection hooks: a candidate campaign measured against its history', async () => {
    const s = store();
    const inbound = (i: number, at: number, sender: string, subject: string) =>
      traceRow({ MessageTraceId: `c${i}`, Received: at, SenderAddress: sender, SenderDomain: sender.split('@')[1]!, Subject: subject });
    await s.upsertTraces([
      inbound(0, D - 3 * DAY, 'old@a.example', 'Hello'),
      inbound(1, D + HOUR, 's1@a.example', 'RE: Invoice 123'),
      inbound(2, D + 2 * HOUR, 's1@a.example', 'Invoice 456'),
      inbound(3, D + 3 * HOUR, 's2@b.example', 'Invoice 789'),
    ]);
    const steps = [
      { pattern: '^re: ', replacement: '' },
      { pattern: '[0-9]+', replacement: '#' },
    ];
    const [stats, none] = await s.detect.campaignStats({
      directions: ['Inbound'],
      steps,
      candidates: [
        { shapes: ['invoice #'], from: D, to: D + DAY - 1, knownFrom: D - 10 * DAY, knownTo: D },
        { shapes: ['nothing'], from: D, to: D + DAY - 1, knownFrom: D - 10 * DAY, knownTo: D },
      ],
    });
    expect(none).toBeUndefined();
    expect(stats).toMatchObject({
      rows: 3,
      senders: 2,
      senderDomains: 2,
      newSenderDomains: 1,
      recipients: 1,
      first: D + HOUR,
      last: D + 3 * HOUR,
      delivered: 3,
      sample: 'RE: Invoice 123',
      countries: 1,
    });
    // Lists are the first values in sorted (UTF-8 byte) order, as make_set(x, n) gives them, on every engine.
    expect(stats!.senderList).toEqual(['s1@a.example', 's2@b.example']);
    expect(stats!.subjects).toEqual(['Invoice 456', 'Invoice 789', 'RE: Invoice 123']);
  });

  test('detection hooks: outbound mail per sender and local day, and what followed a watchlist alert', async () => {
    const s = store();
    const out = (i: number, at: number, to: string, over: Parameters<typeof traceRow>[0] = {}) =>
      traceRow({
        MessageTraceId: `o${i}`,
        Received: at,
        SenderAddress: 'a@contoso.com',
        SenderDomain: 'contoso.com',
        RecipientAddress: to,
        RecipientDomain: to.split('@')[1]!,
        Direction: 'Outbound',
        ...over,
      });
    await s.upsertTraces([
      out(1, D + 10 * HOUR, 'x@p.example', { Size: 100 }),
      out(2, D + 23 * HOUR, 'y@q.example', { Size: 200, Status: 'Failed' }),
      out(3, D + DAY + 10 * HOUR, 'y@q.example', { Size: 50, ToCountry: 'US' }),
      out(4, D + DAY + 11 * HOUR, 'z@r.example', { Size: 10, Subject: 'files' }),
    ]);
    const rows = await s.detect.senderDays({
      from: D,
      to: D + 2 * DAY,
      offsets: { first: 0, changes: [] },
      partners: ['p.example'],
      businessHours: [7, 21],
    });
    const base = { sender: 'a@contoso.com' };
    // In sender, then day order.
    expect(rows).toEqual([
      { ...base, day: D / DAY, rows: 2, bytes: 300, bytesToStrangers: 200, domains: 2, newDomains: 2, failed: 1, offHours: 1 },
      { ...base, day: D / DAY + 1, rows: 2, bytes: 60, bytesToStrangers: 60, domains: 2, newDomains: 1, failed: 0, offHours: 0 },
    ]);
    const at = D + DAY + 9 * HOUR;
    const [f] = await s.detect.followUps([
      { address: 'nobody@contoso.com', at, until: at + DAY, baselineFrom: at - 10 * DAY },
      { address: 'a@contoso.com', at, until: at + DAY, baselineFrom: at - 10 * DAY },
    ]);
    expect(f).toMatchObject({
      index: 1,
      rows: 2,
      recipients: 2,
      domains: 2,
      newDomains: 1,
      bytes: 60,
      first: D + DAY + 10 * HOUR,
      last: D + DAY + 11 * HOUR,
      before: 2,
      newRecipients: ['z@r.example'],
      subjects: expect.arrayContaining(['files']),
    });
    expect(f!.countries).toEqual(['', 'US']);
  });
}
