/** The shared store suite, saved searches and dashboards: every engine keeps, replaces, lists and deletes them alike. */
import { expect } from 'vitest';
import type { SavedSearchRow, StoredDashboardRow } from './saved-objects.js';
import type { Store } from './store.js';

type Test = (title: string, fn: () => Promise<void>) => void;

const T = Date.UTC(2026, 2, 2, 9, 30, 0, 123);

const search = (id: string, over: Partial<SavedSearchRow> = {}): SavedSearchRow => ({
  id,
  owner: 'alice',
  shared: false,
  name: `search ${id}`,
  query: `MessageTrace | where Subject has "請求書" and SenderAddress == 'x\\' ; DROP TABLE _documents' | count`,
  description: '',
  createdAt: T,
  updatedAt: T,
  ...over,
});

/** Cases every engine runs for saved searches and dashboards. */
export function runSavedObjectTests(test: Test, store: () => Store): void {
  test('saved searches are kept, replaced by id, listed by name and deleted', async () => {
    const s = store().saved;
    await s.putSavedSearch(search('b', { name: 'Zeta' }));
    await s.putSavedSearch(search('a', { name: 'alpha', shared: true, owner: 'bob', description: 'ボブの検索' }));
    expect((await s.listSavedSearches()).map((x) => x.id)).toEqual(['a', 'b']);
    expect(await s.getSavedSearch('a')).toEqual(search('a', { name: 'alpha', shared: true, owner: 'bob', description: 'ボブの検索' }));
    await s.putSavedSearch(search('b', { name: 'Zeta 2', query: 'MessageTrace | take 1', updatedAt: T + 1000 }));
    expect(await s.getSavedSearch('b')).toEqual(search('b', { name: 'Zeta 2', query: 'MessageTrace | take 1', updatedAt: T + 1000 }));
    expect(await s.listSavedSearches()).toHaveLength(2);
    expect(await s.deleteSavedSearch('b')).toBe(true);
    expect(await s.deleteSavedSearch('b')).toBe(false);
    expect(await s.getSavedSearch('b')).toBeUndefined();
    expect((await s.listSavedSearches()).map((x) => x.id)).toEqual(['a']);
    // A search and a dashboard may share an id: they are kept apart.
    expect(await s.getStoredDashboard('a')).toBeUndefined();
  });

  test('dashboards made in the app keep their whole definition', async () => {
    const s = store().saved;
    const d: StoredDashboardRow = {
      id: 'mine',
      owner: 'alice',
      shared: false,
      title: 'My hunt',
      definition: {
        title: 'My hunt',
        panels: [{ id: 'p1', kind: 'table', kql: 'MessageTrace | take 5', width: 6, title: { en: 'Rows', ja: '行' } }],
      },
      createdAt: T,
      updatedAt: T,
    };
    await s.putStoredDashboard(d);
    expect(await s.getStoredDashboard('mine')).toEqual(d);
    const moved = { ...d, shared: true, definition: { ...d.definition, panels: [] }, updatedAt: T + 5 };
    await s.putStoredDashboard(moved);
    expect(await s.listStoredDashboards()).toEqual([moved]);
    expect(await s.listSavedSearches()).toEqual([]);
    expect(await s.deleteStoredDashboard('mine')).toBe(true);
    expect(await s.listStoredDashboards()).toEqual([]);
  });
}
