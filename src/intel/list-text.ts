/** Guards shared by the public list feeds: an HTML page or an empty answer is never taken for the list. */
import { FeedFormatError } from './errors.js';
import { feedFailure } from './feed-failure.js';

/**
 * Refuses text that is an HTML page (a login wall, a maintenance or error page served with 200) or that has no
 * entry at all: the feed replaces its stored indicators, so either would silently empty it.
 */
export function checkListText(text: string, what: string, isEntry: (line: string) => boolean): void {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\w[^>]*>/.test(head) || head.includes('<body'))
    throw new FeedFormatError(feedFailure('html-page', { what }));
  if (!text.split(/\r?\n/).some((l) => isEntry(l.trim()))) throw new FeedFormatError(feedFailure('no-entries', { what }));
}

/** A list line that is neither blank nor a comment (`#`, `;`). */
export function isDataLine(line: string): boolean {
  return line !== '' && !line.startsWith('#') && !line.startsWith(';');
}

/** `YYYY-MM-DD HH:MM:SS` in UTC (abuse.ch exports) as epoch ms, or null. */
export function abuseChTime(s: string | undefined): number | null {
  if (!s || !/^\d{4}-\d\d-\d\d( \d\d:\d\d:\d\d)?$/.test(s.trim())) return null;
  const t = Date.parse(`${s.trim().replace(' ', 'T')}${s.includes(' ') ? '' : 'T00:00:00'}Z`);
  return Number.isNaN(t) ? null : t;
}
