/** Dialect hooks for KQL's text forms of values (tostring of a timespan, totimespan of text). `x` are SQL fragments. */

/** SQL spellings of the text forms. */
export interface TextFunctions {
  /** KQL's timespan text, [-][d.]hh:mm:ss[.fffffff] (tostring(1d) is 1.00:00:00). */
  timespanText(x: string): string;
  /** The non-negative integer `x` as text, padded with zeros on the left to at least `width` digits. */
  padLeft(x: string, width: number): string;
}
