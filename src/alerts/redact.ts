/** Keeping secrets out of messages: every known secret value (and the path of a secret URL) becomes `***`. */

/** The strings to look for when `secret` is a URL: the whole URL, and its path and query, raw and encoded. */
function forms(secret: string): string[] {
  const out = [secret, encodeURIComponent(secret)];
  try {
    const u = new URL(secret);
    if (u.pathname.length > 1) out.push(u.pathname + u.search, u.pathname);
    if (u.search.length > 1) out.push(u.search.slice(1));
    if (u.password) out.push(decodeURIComponent(u.password), u.password);
  } catch {
    // not a URL
  }
  return out.filter((s) => s.length >= 4);
}

/** `text` with every occurrence of each secret (and of a secret URL's path) replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = secrets.flatMap(forms).sort((a, b) => b.length - a.length);
  let out = text;
  for (const n of needles) out = out.split(n).join('***');
  return out;
}
