/** The shape of one row of the KQL case tables: a query, its expected SQL per dialect, and its expected rows. */

/** One case. `rows` are compared in order when `ordered`, else as sorted sets. */
export interface KqlCase {
  readonly name: string;
  readonly kql: string;
  readonly duckdb: string;
  readonly clickhouse?: string;
  /** The compile error for ClickHouse when the case cannot run there (e.g. window functions before 21.x). */
  readonly clickhouseError?: string;
  readonly rows: readonly (readonly unknown[])[];
  readonly ordered?: boolean;
  /** A column type Microsoft's parser infers differently, and why (checked by the oracle test). */
  readonly typeNote?: string;
}
