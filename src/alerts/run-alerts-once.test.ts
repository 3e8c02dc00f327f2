import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDetections } from '../detect/index.js';
import { load, row, testConfig } from '../detect/testing/trace-rows.js';
import { openStore, type Store } from '../store/index.js';
import { recentDeliveries } from './delivery-log.js';
import { runAlertsOnce } from './run-alerts-once.js';
import { fakeClock } from './testing/fake-clock.js';
import { HOSTILE_SUBJECT } from './testing/hostile-alert.js';
import { startReceiver, type Receiver } from './testing/http-receiver.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');
const SECRET = 'webhook-signing-key-0123456789';

describe('runAlertsOnce', () => {
  let store: Store;
  let receiver: Receiver;
  let lines: string[];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    lines = [];
    await load(store, [
      row('2026-03-02T01:00:00Z', {
        SenderAddress: 'export@trade.com.kp',
        RecipientAddress: 'a@contoso.com',
        FromIP: '175.45.176.10',
        FromCountry: 'KP',
        Subject: HOSTILE_SUBJECT,
      }),
      row('2026-03-02T03:00:00Z', {
        SenderAddress: 'info@trade.com.kp',
        RecipientAddress: 'b@contoso.com',
        FromIP: '175.45.176.10',
        FromCountry: 'KP',
        Subject: 'Business proposal',
      }),
      ...[1, 2, 3].map((i) =>
        row(`2026-03-02T2${i}:00:00Z`, {
          SenderAddress: 'bulk@fabrikam.com',
          RecipientAddress: `u${i}@contoso.com`,
          Status: 'FilteredAsSpam',
        }),
      ),
      row('2026-03-02T22:30:00Z', { SenderAddress: 'one@northwind.com', RecipientAddress: 'u9@contoso.com', Status: 'FilteredAsSpam' }),
    ]);
    await runDetections({ store, config: testConfig(), rules: ['embargoed-geo'], now: NOW });
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  function config(rules: Record<string, unknown>[], url: string) {
    return {
      alerts: { destinations: [{ name: 'hook', type: 'webhook', url, secret: SECRET }], rules },
      server: { publicUrl: 'https://mailsift.contoso.com/' },
    };
  }

  it('fires on a stored finding with its sentence, link and evidence rows; suppresses the repeat; fires again after the period', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', secret: SECRET, now: clock.now });
    const cfg = config(
      [{ name: 'embargo', detection: 'embargoed-geo', schedule: '5m', suppress: '1h', lookback: '2d', destinations: ['hook'] }],
      receiver.url,
    );
    const first = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(first.rules).toHaveLength(1);
    const r = first.rules[0]!;
    expect(r).toMatchObject({ rule: 'embargo', status: 'fired', fired: 1, suppressed: 0 });
    expect(r.alerts[0]!.deliveries).toEqual([
      { destination: 'hook', type: 'webhook', status: 'delivered', attempts: 1, detail: 'HTTP 200' },
    ]);
    const body = receiver.accepted()[0]!.json as {
      severity: string;
      sentence: string;
      link: string;
      finding: { id: string };
      evidence: { columns: { name: string }[]; rows: unknown[][] };
    };
    expect(body.severity).toBe('high');
    expect(body.sentence).toContain('North Korea');
    expect(body.link).toBe(`https://mailsift.contoso.com/findings/${encodeURIComponent(body.finding.id)}`);
    expect(body.evidence.rows).toHaveLength(2);
    const subjectCol = body.evidence.columns.findIndex((c) => c.name === 'Subject');
    expect(body.evidence.rows.map((row) => row[subjectCol])).toContain(HOSTILE_SUBJECT);

    clock.advance(30 * 60_000);
    const second = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(second.rules[0]).toMatchObject({ status: 'suppressed', fired: 0, suppressed: 1 });
    expect(receiver.accepted()).toHaveLength(1);

    clock.advance(31 * 60_000);
    const third = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(third.rules[0]).toMatchObject({ status: 'fired', fired: 1 });
    expect(receiver.accepted()).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('runs KQL rules: one alert per key whose rows meet the condition, quiet when none do', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', secret: SECRET, now: clock.now });
    const cfg = config(
      [
        {
          name: 'spam senders',
          query: "MessageTrace | where Status == 'FilteredAsSpam' | summarize count_ = count() by SenderAddress",
          schedule: '*/10 * * * *',
          lookback: '1d',
          condition: { column: 'count_', op: '>=', value: 2 },
          key: 'SenderAddress',
          severity: 'medium',
          destinations: ['hook'],
        },
        {
          name: 'nothing',
          query: "MessageTrace | where Status == 'Quarantined'",
          schedule: '5m',
          lookback: '1d',
          condition: { rows: '>0' },
          severity: 'low',
          destinations: ['hook'],
        },
      ],
      receiver.url,
    );
    const report = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(report.rules.map((r) => [r.rule, r.status, r.fired])).toEqual([
      ['spam senders', 'fired', 1],
      ['nothing', 'quiet', 0],
    ]);
    const body = receiver.accepted()[0]!.json as { sentence: string; key: string; evidence: { rows: unknown[][] }; link: string };
    expect(body.sentence).toBe('spam senders for SenderAddress=bulk@fabrikam.com: 1 row with count_ >= 2');
    expect(body.key).toBe('bulk@fabrikam.com');
    expect(body.evidence.rows).toEqual([['bulk@fabrikam.com', 3]]);
    expect(body.link.startsWith('https://mailsift.contoso.com/explorer?q=MessageTrace')).toBe(true);
  });

  it('records failed deliveries, shows the reason, and tries the alert again on the next run', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', failFirst: 100, failStatus: 500 });
    const cfg = config(
      [{ name: 'embargo', detection: '*', schedule: '5m', lookback: '2d', minSeverity: 'high', destinations: ['hook'] }],
      receiver.url,
    );
    const first = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    const d = first.rules[0]!.alerts[0]!.deliveries[0]!;
    expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(d.detail).toMatch(/^127\.0\.0\.1:\d+ answered HTTP 500: internal error$/);
    const failures = await recentDeliveries(store, { failuresOnly: true });
    expect(failures.map((f) => f.outcome)).toEqual(['failed', 'retrying', 'retrying']);
    expect(failures[0]).toMatchObject({ rule: 'embargo', destination: 'hook', status: 500, severity: 'high' });
    expect(lines.some((l) => l.includes('to hook: failed after 3 attempts'))).toBe(true);
    clock.advance(5 * 60_000);
    const second = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(second.rules[0]).toMatchObject({ status: 'fired', fired: 1 });
    const everything = JSON.stringify([first, second, await recentDeliveries(store), lines]);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('/hooks/mailsift');
  });

  it('reports a rule whose query is wrong as an error, and still runs the others', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook' });
    const cfg = config(
      [
        { name: 'broken', query: 'MessageTrace | summarize by', schedule: '5m', destinations: ['hook'] },
        {
          name: 'missing column',
          query: 'MessageTrace | take 1',
          schedule: '5m',
          lookback: '1d',
          condition: { column: 'count_', op: '>', value: 1 },
          destinations: ['hook'],
        },
        { name: 'embargo', detection: 'embargoed-geo', schedule: '5m', lookback: '2d', destinations: ['hook'] },
      ],
      receiver.url,
    );
    const report = await runAlertsOnce({ store, config: cfg, now: clock.now, sleep: clock.sleep, log });
    expect(report.rules.map((r) => r.status)).toEqual(['error', 'error', 'fired']);
    expect(report.rules[0]!.error).toMatch(/^the query is not valid KQL: /);
    expect(report.rules[1]!.error).toMatch(/^condition\.column 'count_' is not a column of the query's result \(columns: Received, /);
  });
});
