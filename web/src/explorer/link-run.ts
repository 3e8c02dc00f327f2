// A query that arrives in a link (`/explorer?q=...&run=...`) runs at once only when this app made the link in
// this tab: such links carry a per-tab key kept in sessionStorage, which a stranger's link cannot know.
// Any other link shows the query and asks first.

const KEY = 'mailsift.explorerRunKey';

function randomKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key once read or made: reading sessionStorage at every panel's render cost a dashboard 100 ms. */
let known: string | undefined;

/** This tab's key, made on first use; the app's own "Open in Explorer" links carry it as `run`. */
export function linkRunKey(): string {
  if (known !== undefined) return known;
  try {
    let key = sessionStorage.getItem(KEY);
    if (!key) {
      key = randomKey();
      sessionStorage.setItem(KEY, key);
    }
    return (known = key);
  } catch {
    // No storage (privacy mode): every link asks.
    return '1';
  }
}

/** Whether a `run` parameter came from a link this app made in this tab. */
export function isOwnLinkRun(run: string | null): boolean {
  if (!run || run === '1') return false;
  try {
    return run === sessionStorage.getItem(KEY);
  } catch {
    return false;
  }
}
