/** Making strangers' text (subjects, addresses) safe to show: invisible and direction-changing characters made visible, escaping per medium. */

// C0 and C1 controls and DEL; bidirectional overrides, embeddings and isolates; zero-width and
// other invisible format characters; line and paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` with every control, bidi and invisible character written as `[U+XXXX]`, lone surrogates replaced, cut to `max` characters. */
export function visible(s: unknown, max = 300): string {
  let text = typeof s === 'string' ? s : s === null || s === undefined ? '' : typeof s === 'object' ? JSON.stringify(s) : String(s);
  text = text.replace(LONE_SURROGATE, '\ufffd');
  text = text.replace(INVISIBLE, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
  return truncate(text, max);
}

/** Cut `s` to at most `max` characters (code points kept whole), marking the cut with an ellipsis. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return s.slice(0, cut) + '…';
}

/** HTML text and attribute escaping. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping): no links, no mentions such as <!channel>. */
export function escapeSlack(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/**
 * Markdown punctuation backslash-escaped, so Teams shows `[a](b)`, `*x*`, `_y_` literally instead of links
 * and emphasis (Adaptive Cards render a Markdown subset: emphasis, lists, links; backslash escapes per CommonMark).
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]()~]/g, (c) => `\\${c}`);
}
