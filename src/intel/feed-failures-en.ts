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
  // The feed's configuration.
  'needs-name': () => 'a feed needs a name',
  'unknown-type': (p: P) => `feed ${p.feed}: unknown type ${p.type} (${p.types})`,
  'path-and-url': (p: P) => `feed ${p.feed}: give either path or ${p.other}, not both`,
  'url-and-urls': (p: P) => `feed ${p.feed}: give either url or urls, not both`,
  'needs-path-or-url': (p: P) => `feed ${p.feed}: needs a path or a url`,
  'urls-not-list': (p: P) => `feed ${p.feed}: urls must be a list of URLs`,
  'not-a-url': (p: P) => `not a URL: ${p.url}`,
  'unsupported-scheme': (p: P) => `unsupported URL scheme ${p.scheme} (${p.url})`,
  // Redirects.
  'redirect-unsupported-scheme': (p: P) => `unsupported URL scheme ${p.scheme} (redirect from ${p.url})`,
  'redirect-no-location': (p: P) => `${p.url} answered HTTP ${p.status} without a Location`,
  'too-many-redirects': (p: P) => `${p.url} redirected more than ${p.max} times`,
  'redirect-invalid-url': (p: P) => `${p.url} redirected to an invalid URL`,
  'redirect-body-other-origin': (p: P) => `${p.url} redirected a request with a body to another origin (${p.origin}); refused`,
  // CrowdStrike.
  'crowdstrike-needs-credentials': (p: P) => `feed ${p.feed}: CrowdStrike needs clientId and clientSecret`,
  'crowdstrike-unknown-cloud': (p: P) => `feed ${p.feed}: unknown CrowdStrike cloud ${p.cloud} (${p.clouds})`,
  'crowdstrike-no-token': (p: P) => `${p.url} gave no access token`,
  'crowdstrike-no-resources': (p: P) => `${p.url} answered without resources`,
  // MISP.
  'misp-manifest-not-object': (p: P) => `feed ${p.feed}: manifest.json is not an object of events`,
  // TAXII.
  'taxii-needs-url': (p: P) => `feed ${p.feed}: a TAXII feed needs a url`,
  'taxii-other-origin': (p: P) => `feed ${p.feed}: refusing to send the feed's credentials to ${p.url}, another origin than its url`,
  'taxii-no-api-root': (p: P) => `feed ${p.feed}: the TAXII server lists no API root; set apiRoot`,
  'taxii-api-root-other-origin': (p: P) =>
    `feed ${p.feed}: the TAXII discovery names the API root ${p.url} on another origin than ${p.origin}; ` +
    `its credentials are not sent there. If you trust that server, set apiRoot: ${p.url} in the feed`,
  'taxii-choose-collection': (p: P) => `feed ${p.feed}: choose a collection; the API root has: ${p.names || 'none'}`,
  'taxii-no-collection': (p: P) => `feed ${p.feed}: no collection ${p.collection}; the API root has: ${p.names || 'none'}`,
  'taxii-collection-unreadable': (p: P) => `feed ${p.feed}: collection ${p.collection} is not readable with these credentials`,
  'taxii-too-many-pages': (p: P) => `feed ${p.feed}: more than ${p.max} pages; the server's paging does not advance`,
  'taxii-repeated-token': (p: P) => `feed ${p.feed}: the server repeated the paging token`,
  'taxii-no-next': (p: P) => `feed ${p.feed}: the server says more but gives neither next nor X-TAXII-Date-Added-Last`,
  // Failures without a code of their own: the kind, with the English message as detail.
  config: (p: P) => `${p.detail}`,
  fetch: (p: P) => `${p.detail}`,
  auth: (p: P) => `${p.detail}`,
  'rate-limit': (p: P) => `${p.detail}`,
  format: (p: P) => `${p.detail}`,
  other: (p: P) => `${p.detail}`,
} satisfies Record<string, (p: P) => string>;

export type FeedFailureCode = keyof typeof FAILURES_EN;
