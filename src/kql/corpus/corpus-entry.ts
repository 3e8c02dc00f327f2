/** One query of the KQL corpus: self-contained (datatable, print, range), with the answer Kusto documents for it. */

/** A corpus query and its expected answer in Kusto's display form. */
export interface CorpusEntry {
  readonly name: string;
  /** The Kusto documentation page the expected answer comes from (or that defines the semantics it follows). */
  readonly doc: string;
  readonly kql: string;
  readonly columns: readonly string[];
  /**
   * Rows as Kusto shows them: datetimes as ISO 8601 text ('2017-01-01T00:00:00Z', fractions up to 7 digits),
   * timespans as '[d.]hh:mm:ss[.fffffff]', dynamic values as JSON values, reals as numbers ('NaN', 'Infinity' as text).
   */
  readonly rows: readonly (readonly unknown[])[];
  /** Compare rows in order (defaults to true when the query sorts, else rows compare as a multiset). */
  readonly ordered?: boolean;
}
