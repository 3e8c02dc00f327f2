/** ClickHouse string-literal escaping: the only place a string value is inlined into ClickHouse SQL. */

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\0': '\\0', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A ClickHouse string literal for `value`: ClickHouse reads backslash escapes, so they are escaped too. */
export function escapeString(value: string): string {
  return `'${value.replace(/[\\'\0\n\r\t]/g, (c) => ESCAPES[c]!)}'`;
}
