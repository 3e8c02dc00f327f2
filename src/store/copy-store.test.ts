// `mailsift migrate` carries the alert rules and destinations made in the web app along with the data.
import { describe, expect, it } from 'vitest';
import { copyStore } from './copy-store.js';
import { openStore } from './index.js';
import { traceRow } from './testing/trace-row.js';

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
});
