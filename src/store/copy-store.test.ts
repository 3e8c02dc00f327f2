// `mailsift migrate` carries the alert rules and destinations made in the web app, and the findings' triage
// (states, assignments, notes), along with the data.
import { describe, expect, it } from 'vitest';
import { copyStore } from './copy-store.js';
import { openStore } from './index.js';
import { traceRow } from './testing/trace-row.js';

const D = Date.UTC(2026, 2, 2);
const HOUR = 3_600_000;

describe('copyStore', () => {
  it('copies the alert definitions made in the web app', async () => {
    const [source, target] = [await openStore('duckdb::memory:'), await openStore('duckdb::memory:')];
    await source.upsertTraces([traceRow()]);
    const row = {
      kind: 'destination' as const,
      name: 'soc',
      definition: { name: 'soc', type: 'webhook', url: 'https://hooks.example/t0ken' },
      updatedBy: 'alice',
      updatedAt: Date.UTC(2026, 2, 2),
    };
    await source.saveAlertDefinition(row);
    await copyStore(source, target);
    expect(await target.listAlertDefinitions()).toEqual([row]);
    await source.close();
    await target.close();
  });

  it("takes the findings' state history, assignments and notes along, once however often it runs", async () => {
    const [source, target] = [await openStore('duckdb::memory:'), await openStore('duckdb::memory:')];
    await source.upsertTraces([traceRow({ MessageTraceId: 'm1', Received: D })]);
    const finding = { Rule: 'embargoed-geo', Severity: 'high' as const, Title: 't', From: D, To: D + HOUR, Count: 1 };
    await source.saveFindings([{ Id: 'a', ...finding, Entities: { country: 'KP' }, Query: 'MessageTrace', Details: {} }], D);
    await source.setFindingState({ Id: 'a', State: 'closed', UpdatedBy: 'bob', UpdatedAt: D + HOUR });
    await source.addFindingActivity({ Id: 'a', Kind: 'assignee', Value: 'bob', By: 'alice', At: D + HOUR });
    await source.addFindingActivity({ Id: 'a', Kind: 'note', Value: 'same', By: 'bob', At: D + 2 * HOUR });
    await source.addFindingActivity({ Id: 'a', Kind: 'note', Value: 'same', By: 'bob', At: D + 2 * HOUR });
    await copyStore(source, target);
    await copyStore(source, target);
    expect(await target.findingActivity()).toEqual(await source.findingActivity());
    expect(await target.getFinding('a')).toMatchObject({ State: 'closed', UpdatedBy: 'bob' });
    await source.close();
    await target.close();
  });
});
