/** A store for the query attacks: many rows of one organisation, so a self-join grows as the square of them. */
import { traceRow } from '../e2e/server-fixture.js';
import { openStore } from '../../src/store/index.js';

/** Joins every row with every row twice: 125 billion combinations for 5,000 rows, minutes of work for the engine. */
export const HEAVY_KQL =
  'MessageTrace | join kind=inner (MessageTrace | project Organization, S2 = Subject) on Organization | join kind=inner (MessageTrace | project Organization, S3 = Subject) on Organization | summarize n = dcount(strcat(Subject, S2, S3))';

/** Create the store at `url` with `rows` MessageTrace rows. */
export async function seedStore(url: string, rows: number): Promise<void> {
  const store = await openStore(url);
  try {
    await store.upsertTraces(Array.from({ length: rows }, (_, n) => traceRow(n)));
  } finally {
    await store.close();
  }
}
