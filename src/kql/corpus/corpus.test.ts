// The corpus figure may only grow: every query that gave Kusto's exact answer still does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { runCorpus } from '../test/run-corpus.js';

let store: Store;
beforeAll(async () => {
  store = await openStore('duckdb::memory:');
});
afterAll(async () => {
  await store.close();
});

describe('KQL corpus', () => {
  it('gives exactly the documented answer for at least 393 of its queries on DuckDB', async () => {
    const outcomes = await runCorpus(store);
    expect(outcomes.length).toBeGreaterThanOrEqual(407);
    expect(outcomes.filter((o) => o.result === 'pass').length).toBeGreaterThanOrEqual(406);
  });
});
