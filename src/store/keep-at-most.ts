/** The steps every engine's Store.materializeRows shares: the cap, and nothing left behind when over it or failing. */
import type { MaterializedRows } from './store.js';

/**
 * Make the rows with `make(limit)` (which keeps at most `limit` rows as the FROM item `sql` and says how many): one
 * past `maxRows` tells that there are more, and then nothing is kept; a failure drops what was made too.
 */
export async function keepAtMost(
  maxRows: number,
  sql: string,
  make: (limit: number) => Promise<number>,
  release: () => Promise<void>,
): Promise<MaterializedRows | undefined> {
  const cap = Math.max(0, Math.floor(maxRows));
  try {
    const rows = await make(cap + 1);
    if (rows <= cap) return { sql, rows, release };
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  await release();
  return undefined;
}
