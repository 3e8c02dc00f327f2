/** The English text of every feed failure, by code (feed-failures-ja.ts has the same codes; a test checks it). */
import type { FeedFailureParams } from './feed-failure.js';

type P = FeedFailureParams;

export const FAILURES_EN = {
  unreachable: (p: P) => `cannot reach ${p.url}: ${p.detail}`,
  'credentials-refused': (p: P) => `${p.url} refused the credentials (HTTP ${p.status})`,
  'rate-limit-wait': (p: P) => `${p.url} asks to wait ${p.seconds} s (HTTP ${p.status})`,
  'rate-limited': (p: P) => `${p.url} is rate limiting (HTTP 429) after ${p.retries} retries`,
  'http-status': (p: P) => `${p.url} answered HTTP ${p.status}${p.body ? `: ${p.body}` : ''}`,
  'not-json': (p: P) => `${p.url} did not answer JSON`,
  'invalid-json': (p: P) => `${p.what} is not valid JSON: ${p.detail}`,
  'html-page': (p: P) => `${p.what} answered an HTML page, not the list; the stored indicators are kept`,
  'no-entries': (p: P) => `${p.what} has no entries (empty or cut short before the first); the stored indicators are kept`,
  'not-stix-bundle': (p: P) => `${p.what} is not a STIX bundle (no "objects" array)`,
  'not-taxii-object': (p: P) => `${p.url} did not answer a TAXII object`,
  'cannot-read-file': (p: P) => `feed ${p.feed}: cannot read ${p.path}: ${p.detail}`,
  // Failures without a code of their own: the kind, with the English message as detail.
  config: (p: P) => `${p.detail}`,
  fetch: (p: P) => `${p.detail}`,
  auth: (p: P) => `${p.detail}`,
  'rate-limit': (p: P) => `${p.detail}`,
  format: (p: P) => `${p.detail}`,
  other: (p: P) => `${p.detail}`,
} satisfies Record<string, (p: P) => string>;

export type FeedFailureCode = keyof typeof FAILURES_EN;
