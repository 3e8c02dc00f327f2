/**
 * Rows of a SELECT kept in an in-memory database attached to the store's engine, for a group of queries over
 * them (Store.materializeRows): a dashboard with a sender chip reads that sender's rows once, not once a panel.
 * Every connection of the engine sees the attached database; the store's file is not written.
 */
import { keepAtMost } from '../keep-at-most.js';
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
    const make = async (limit: number) => {
      const sqlText = `CREATE TABLE ${name} AS SELECT * FROM (${sql}) AS kept LIMIT ${limit}`;
      const made = await this.read(sqlText, params, { signal: options.signal }, ANY_ORDER);
      return Number(made.rows[0]?.[0] ?? Number.NaN);
    };
    return keepAtMost(options.maxRows, name, make, async () => {
      await this.read(`DROP TABLE IF EXISTS ${name}`, [], {});
    });
  }
}
