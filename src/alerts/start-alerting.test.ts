import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../detect/index.js';
import { openStore, type Store } from '../store/index.js';
import type { AlertSources } from './alert-sources.js';
import type { AlertRunReport } from './run-rules.js';
import { startAlerting } from './start-alerting.js';
import { fakeClock } from './testing/fake-clock.js';
import { startReceiver, type Receiver } from './testing/http-receiver.js';

const START = Date.parse('2026-03-03T00:03:30Z');

/** Sources whose findings are a list the test changes; queries return one row per call. */
function sources(findings: Finding[]): AlertSources & { queries: number[] } {
  const queries: number[] = [];
  return {
    queries,
    findings: async () => findings,
    query: async (_kql, { now }) => {
      queries.push(now);
      return { columns: [{ name: 'n', type: 'long' }], rows: [[now]] };
    },
  };
}

function finding(id: string): Finding {
  return {
    id,
    rule: 'status-spike',
    severity: 'high',
    title: `spike ${id}`,
    from: '2026-03-03T00:00:00Z',
    to: '2026-03-03T00:00:00Z',
    count: 1,
    entities: { sender: '', senderDomain: '', recipient: '', ip: '', country: '', status: 'FilteredAsSpam', subject: '' },
    query: '',
    details: {},
  };
}

describe('startAlerting', () => {
  let store: Store;
  let receiver: Receiver;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    receiver = await startReceiver({ kind: 'webhook' });
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  it('runs interval rules at once and then on their rhythm, cron rules at their minutes, until stopped', async () => {
    const clock = fakeClock(START);
    const src = sources([finding('a')]);
    const runs: AlertRunReport[] = [];
    const handle = startAlerting({
      store,
      now: clock.now,
      sleep: clock.sleep,
      sources: src,
      onRun: (r) => {
        runs.push(r);
        if (runs.length === 6) void handle.stop();
      },
      config: {
        alerts: {
          destinations: [{ name: 'hook', type: 'webhook', url: receiver.url }],
          rules: [
            { name: 'spikes', detection: 'status-spike', schedule: '5m', suppress: '12m', destinations: ['hook'] },
            { name: 'every ten', query: 'MessageTrace | count', schedule: '*/10 * * * *', suppress: '1m', destinations: ['hook'] },
          ],
        },
      },
    });
    await handle.done;
    const when = runs.map((r) => [r.at.slice(11, 19), r.rules.map((x) => `${x.rule}:${x.status}`).join(',')]);
    expect(when).toEqual([
      ['00:03:30', 'spikes:fired'],
      ['00:08:30', 'spikes:suppressed'],
      ['00:10:00', 'every ten:fired'],
      ['00:13:30', 'spikes:suppressed'],
      ['00:18:30', 'spikes:fired'],
      ['00:20:00', 'every ten:fired'],
    ]);
    expect(src.queries.map((t) => new Date(t).toISOString().slice(11, 19))).toEqual(['00:10:00', '00:20:00']);
    expect(receiver.accepted()).toHaveLength(4);
  });

  it('stop() ends a scheduler that is waiting, and one with nothing to do', async () => {
    const clock = fakeClock(START);
    const handle = startAlerting({
      store,
      now: clock.now,
      sleep: (ms, signal) =>
        new Promise((r) => {
          const t = setTimeout(r, 10_000);
          signal?.addEventListener('abort', () => {
            clearTimeout(t);
            r();
          });
        }),
      sources: sources([]),
      config: {
        alerts: {
          destinations: [{ name: 'hook', type: 'webhook', url: receiver.url }],
          rules: [{ name: 'c', detection: '*', schedule: '0 9 * * mon', destinations: ['hook'] }],
        },
      },
    });
    const t0 = Date.now();
    await handle.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    const idle = startAlerting({ store, config: { alerts: { rules: [], destinations: [] } } });
    await idle.stop();
  });

  it('refuses a wrong configuration at start, naming the key', () => {
    expect(() =>
      startAlerting({
        store,
        config: { alerts: { destinations: [], rules: [{ name: 'x', detection: '*', schedule: '61 * * * *', destinations: ['nowhere'] }] } },
      }),
    ).toThrow("alerts.rules[0] (\"x\").schedule: cron minute value '61' in '61' is outside 0-59");
  });
});
