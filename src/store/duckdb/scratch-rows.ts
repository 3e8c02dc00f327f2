/**
 * Rows of a SELECT kept in an in-memory database attached to the store's engine, for a group of queries over
 * them (Store.materializeRows): a dashboard with a sender chip reads that sender's rows once, not once a panel.
 * Every connection of the engine sees the attached database; the store's file is not written.
 */
import type { MaterializedRows, QueryOptions, QueryResult } from '../store.js';

const SCRATCH = 'mailsift_scratch';

type Read = (
  sql: string,
  params: readonly unknown[],
  options: QueryOptions,
  settings?: Readonly<Record<string, string>>,
) => Promise<QueryResult>;

/**
 * The rows' order does not matter, and keeping it makes the engine apply the cap on one thread (the 30-day
 * Overview's sender on the 10.2M-row month: 159 against 85 ms).
 */
const ANY_ORDER = { preserve_insertion_order: 'false' };

export class ScratchRows {
  /** Resolves to whether the scratch database could be attached (not on a store opened read-only). */
  private attached: Promise<boolean> | undefined;
  private next = 0;

  constructor(private readonly read: Read) {}

  async materialize(
    sql: string,
    params: readonly unknown[],
    options: { maxRows: number; signal?: AbortSignal },
  ): Promise<MaterializedRows | undefined> {
    this.attached ??= this.read(`ATTACH IF NOT EXISTS ':memory:' AS ${SCRATCH}`, [], {}).then(
      () => true,
      () => false,
    );
    if (!(await this.attached)) return undefined;
    const name = `${SCRATCH}.rows_${++this.next}`;
    const release = async () => {
      await this.read(`DROP TABLE IF EXISTS ${name}`, [], {});
    };
    const maxRows = Math.max(0, Math.floor(options.maxRows));
    try {
      // One row past the cap tells that there are more: then nothing is kept.
      const made = await this.read(
        `CREATE TABLE ${name} AS SELECT * FROM (${sql}) AS kept LIMIT ${maxRows + 1}`,
        params,
        {
          signal: options.signal,
        },
        ANY_ORDER,
      );
      const rows = Number(made.rows[0]?.[0] ?? Number.NaN);
      if (rows <= maxRows) return { sql: name, rows, release };
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
    await release();
    return undefined;
  }
}
