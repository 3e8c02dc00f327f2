/** Cheap looks at the start of a JSON file, for detection. */

/** The first non-blank character of the text ('' when there is none). */
export function firstChar(head: string): string {
  const m = /\S/.exec(head);
  return m ? m[0] : '';
}

/** The first key of the first object, when the text starts with `{` (or `[{`); undefined otherwise. */
export function firstKey(head: string): string | undefined {
  const m = /^\s*\[?\s*\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(head);
  return m ? m[1] : undefined;
}

/** Whether every one of the quoted keys appears in the text (case-sensitive, as JSON keys are). */
export function hasKeys(head: string, keys: readonly string[]): boolean {
  return keys.every((k) => head.includes(`"${k}"`));
}

/** Keys that open an OData or Graph envelope rather than a record. */
export const ENVELOPE_KEYS: readonly string[] = [
  'odata.metadata',
  'odata.context',
  '@odata.context',
  'd',
  'value',
  'error',
  '@odata.nextLink',
  '@odata.count',
];
