/** The host of a URL as found in feeds (refanged, scheme optional), for feeds that list URLs. */
import { refang } from './normalize.js';

/** Lower-case host of a URL without brackets, or undefined when there is none. */
export function hostOfUrl(raw: string): string | undefined {
  let s = refang(raw);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s}`;
  try {
    const host = new URL(s).hostname.replace(/^\[(.*)\]$/, '$1');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}
