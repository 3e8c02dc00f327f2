/** ClickHouse identifier quoting. */

/** `` `name` ``; backslashes and backticks are escaped as ClickHouse reads them. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}
