/** DuckDB string-literal escaping: the only place a string value is inlined into DuckDB SQL. */

/**
 * A DuckDB string literal for `value`. DuckDB's standard strings treat backslashes literally and only
 * the quote needs doubling; a NUL cannot live inside SQL text, so it is spliced in with chr(0).
 */
export function escapeString(value: string): string {
  const parts = value.split('\0').map((p) => `'${p.replace(/'/g, "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || chr(0) || ')})`;
}
