/** JSON text safe to paste into HTML or a script by a careless receiver: `<`, `>`, `&` and U+2028/9 as \u escapes (same value when parsed). */

/** JSON.stringify with HTML-significant characters escaped. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
