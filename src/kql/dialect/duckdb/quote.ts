/** DuckDB identifier quoting. */

/** `"name"`; names reaching here are schema names or validated, and embedded quotes are doubled anyway. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
