/** Name lookups in plain-object tables that only ever see the table's own keys (never `constructor`, `__proto__`...). */

/** `record[key]` when `key` is an own property of `record`, else undefined. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
