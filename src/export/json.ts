/** JSON renderings of query results: an array of row objects, or one object per line. */

/** Rows as objects keyed by column name. */
export function rowObjects(columns: readonly { name: string }[], rows: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null])));
}

/** A JSON array of row objects. */
export function toJsonArray(columns: readonly { name: string }[], rows: readonly (readonly unknown[])[]): string {
  return JSON.stringify(rowObjects(columns, rows), null, 2) + '\n';
}

/** One JSON object per line. */
export function toNdjson(columns: readonly { name: string }[], rows: readonly (readonly unknown[])[]): string {
  return rowObjects(columns, rows)
    .map((o) => JSON.stringify(o) + '\n')
    .join('');
}
