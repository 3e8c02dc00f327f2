/**
 * Keeping secrets out of messages: every known secret value becomes `***`, also in the forms servers echo it in:
 * URL-encoded, the path and query of a secret URL, and base64 anywhere inside a longer base64 text (SMTP
 * `AUTH PLAIN` of user\0user\0password, the password line of `AUTH LOGIN`, HTTP Basic credentials).
 */

const BASE64_CHAR = '[A-Za-z0-9+/_-]';

/** The strings to look for: the secret, URL-encoded, and for a URL its path, query and password. */
function plainForms(secret: string): string[] {
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

/**
 * The base64 characters that encode `secret` wherever it sits in a longer encoded text: base64 works in 3-byte
 * groups, so the secret starts at one of three offsets; at each, the characters made only of its bits are fixed.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    // Too short a core could match unrelated text.
    if (core.length >= 6) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** `text` with every occurrence of each secret, in each of its forms, replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = secrets.flatMap(plainForms).sort((a, b) => b.length - a.length);
  let out = text;
  for (const n of needles) out = out.split(n).join('***');
  const cores = [...new Set(secrets.flatMap(base64Cores))].sort((a, b) => b.length - a.length);
  if (cores.length === 0) return out;
  // With the base64 characters around a core (they carry a few bits of the secret, or belong to the same credential).
  const pattern = new RegExp(`${BASE64_CHAR}*(?:${cores.map(escapeRegExp).join('|')})${BASE64_CHAR}*=*`, 'g');
  return out.replace(pattern, '***');
}
