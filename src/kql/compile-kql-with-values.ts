/**
 * Compiling a query whose output columns depend on the data (evaluate pivot, evaluate bag_unpack): each such
 * operator first asks for its values (a small SELECT the caller runs on its store), then the query compiles with them.
 * The engine stays free of I/O: the caller hands in the function that runs SQL.
 */
import { compileKql } from './compile-kql.js';
import type { CompiledQuery, CompileOptions, ColumnValues } from './compile-kql.js';
import { KqlNeedsValues } from './kql-error.js';

/** Runs one SELECT of the dialect and returns its rows. */
export type RunSql = (sql: string, params: unknown[]) => Promise<readonly (readonly unknown[])[]>;

/** At most this many operators of one query may ask for values. */
const MAX_ROUNDS = 8;

/** A compiled query with the values its operators read from the data (to compile it again, e.g. for another dialect). */
export interface CompiledWithValues extends CompiledQuery {
  readonly values: ReadonlyMap<number, ColumnValues>;
}

/** compileKql, running the queries for the values that evaluate pivot and bag_unpack need through `run`. */
export async function compileKqlWithValues(text: string, options: CompileOptions, run: RunSql): Promise<CompiledWithValues> {
  const values = new Map<number, ColumnValues>(options.values ?? []);
  for (let round = 0; ; round++) {
    try {
      return { ...compileKql(text, { ...options, values }), values };
    } catch (e) {
      if (!(e instanceof KqlNeedsValues) || round >= MAX_ROUNDS) throw e;
      const rows = await run(e.query.sql, e.query.params);
      values.set(
        e.query.at,
        rows.map((r) => ({ value: String(r[0] ?? ''), type: r[1] === undefined || r[1] === null ? '' : String(r[1]) })),
      );
    }
  }
}
