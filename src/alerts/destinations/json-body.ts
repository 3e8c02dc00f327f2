/** JSON text safe to paste into HTML or a log by a careless receiver: `<>&`, bidi, invisible and C1 characters as \u escapes (same value when parsed). */

const RISKY = /[<>&\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** JSON.stringify with HTML-significant and invisible characters escaped. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(RISKY, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
