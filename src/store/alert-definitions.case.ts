/** The shared store suite, alert definitions: saved, replaced, listed in order and removed the same on every engine. */
import { expect } from 'vitest';
import type { AlertDefinitionRow } from './alert-definitions.js';
import type { Store } from './store.js';

type Test = (title: string, fn: () => Promise<void>) => void;

const T = Date.UTC(2026, 2, 2, 9, 0, 0);

const row = (over: Partial<AlertDefinitionRow> & Pick<AlertDefinitionRow, 'kind' | 'name'>): AlertDefinitionRow => ({
  definition: { name: over.name, type: 'webhook', url: 'https://hooks.example/t0ken' },
  updatedBy: 'alice',
  updatedAt: T,
  ...over,
});

/** Cases every engine runs for the alert definitions made in the web app. */
export function runAlertDefinitionTests(test: Test, store: () => Store): void {
  test('alert definitions are saved, replaced by name, listed destinations first and removed', async () => {
    const s = store();
    expect(await s.listAlertDefinitions()).toEqual([]);
    const evil = `it's "quoted" \\ ; DROP TABLE _alert_definitions -- \u202e日本`;
    await s.saveAlertDefinition(
      row({ kind: 'rule', name: 'b rule', definition: { name: 'b rule', detection: '*', destinations: ['soc'] } }),
    );
    await s.saveAlertDefinition(row({ kind: 'destination', name: 'soc' }));
    await s.saveAlertDefinition(row({ kind: 'rule', name: evil, definition: { name: evil, nested: { list: [1, 'two', null] } } }));
    // The same name under another kind is another definition.
    await s.saveAlertDefinition(row({ kind: 'destination', name: 'b rule' }));
    await s.saveAlertDefinition(
      row({ kind: 'destination', name: 'soc', updatedBy: 'bob', updatedAt: T + 60_000, definition: { name: 'soc', type: 'slack' } }),
    );
    const list = await s.listAlertDefinitions();
    expect(list.map((d) => [d.kind, d.name])).toEqual([
      ['destination', 'b rule'],
      ['destination', 'soc'],
      ['rule', 'b rule'],
      ['rule', evil],
    ]);
    expect(list[1]).toEqual({
      kind: 'destination',
      name: 'soc',
      definition: { name: 'soc', type: 'slack' },
      updatedBy: 'bob',
      updatedAt: T + 60_000,
    });
    expect(list[3]!.definition).toEqual({ name: evil, nested: { list: [1, 'two', null] } });
    expect(await s.deleteAlertDefinition('destination', 'b rule')).toBe(true);
    expect(await s.deleteAlertDefinition('destination', 'b rule')).toBe(false);
    expect(await s.deleteAlertDefinition('rule', 'nope')).toBe(false);
    expect((await s.listAlertDefinitions()).map((d) => [d.kind, d.name])).toEqual([
      ['destination', 'soc'],
      ['rule', 'b rule'],
      ['rule', evil],
    ]);
    // Saved again after removal, it is back.
    await s.saveAlertDefinition(row({ kind: 'destination', name: 'b rule' }));
    expect((await s.listAlertDefinitions()).length).toBe(4);
  });
}
