/**
 * Secrets of destinations never go back to the browser: each string holding one is replaced by a mask (a URL keeps
 * its origin so people can tell which it is). A definition sent back with a mask unchanged keeps the stored value.
 */

/** What a masked value contains; the web app shows it as "kept". */
export const SECRET_MASK = '••••••••';

function maskString(value: string): string {
  try {
    const u = new URL(value);
    // origin leaves out user name, password, path and query: any of them may be the credential.
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}/${SECRET_MASK}`;
  } catch {
    // not a URL
  }
  return SECRET_MASK;
}

/** `definition` with every string that holds one of `secrets` masked (objects and arrays copied, others as they are). */
export function maskSecrets<T>(definition: T, secrets: readonly string[]): T {
  const needles = secrets.filter((s) => s.length > 0);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return needles.some((n) => v.includes(n)) ? maskString(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(definition) as T;
}

/**
 * `submitted` with each value that equals the mask of the stored value at the same place replaced by the stored
 * value: the browser sends masks back unchanged when a secret was not edited.
 */
export function restoreSecrets(submitted: unknown, stored: unknown, secrets: readonly string[]): unknown {
  const masked = maskSecrets(stored, secrets);
  const walk = (s: unknown, m: unknown, o: unknown): unknown => {
    if (typeof s === 'string') return typeof o === 'string' && s === m && m !== o ? o : s;
    if (Array.isArray(s)) return s.map((x, i) => walk(x, Array.isArray(m) ? m[i] : undefined, Array.isArray(o) ? o[i] : undefined));
    if (s !== null && typeof s === 'object') {
      const mo = (m ?? {}) as Record<string, unknown>;
      const oo = (o ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(s).map(([k, x]) => [k, walk(x, mo[k], oo[k])]));
    }
    return s;
  };
  return walk(submitted, masked, stored);
}

/** Whether any string in `value` is still a mask (a secret the server has no stored value for). */
export function holdsMask(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(SECRET_MASK);
  if (Array.isArray(value)) return value.some(holdsMask);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsMask);
  return false;
}
