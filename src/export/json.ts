/** JSON renderings of query results: an array of row objects, or one object per line. */

/** A result column; `type` is the KQL type when known. */
type ColumnInfo = { readonly name: string; readonly type?: string };

/** Rows as objects keyed by column name; dynamic values (JSON text from the store) become JSON values. */
export function rowObjects(columns: readonly ColumnInfo[], rows: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(columns.map((c, i) => [c.name, c.type === 'dynamic' ? dynamicValue(row[i]) : (row[i] ?? null)])),
  );
}

function dynamicValue(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** A JSON array of row objects. */
export function toJsonArray(columns: readonly ColumnInfo[], rows: readonly (readonly unknown[])[]): string {
  return JSON.stringify(rowObjects(columns, rows), null, 2) + '\n';
}

/** One JSON object per line. */
export function toNdjson(columns: readonly ColumnInfo[], rows: readonly (readonly unknown[])[]): string {
  return rowObjects(columns, rows)
    .map((o) => JSON.stringify(o) + '\n')
    .join('');
}
