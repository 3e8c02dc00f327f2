/** How many bytes a result value takes once written as JSON, cheaply estimated, for bounding query answers. */

/** Bytes of `value` as JSON (strings counted in UTF-8 plus quotes; escapes of control characters not counted). */
export function jsonSizeOf(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return Buffer.byteLength(value, 'utf8') + 3;
    case 'number':
    case 'bigint':
      return 12;
    case 'boolean':
      return 6;
    default:
      return (JSON.stringify(value)?.length ?? 4) + 1;
  }
}

/** Bytes of one row of values as a JSON array. */
export function jsonRowSize(row: readonly unknown[]): number {
  let n = 3;
  for (const v of row) n += jsonSizeOf(v);
  return n;
}
