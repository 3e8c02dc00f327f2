/** Helpers for the address columns: lower-casing and the domain part. */

/** Lower-cased, trimmed address; '' for null. */
export function normalizeAddress(raw: string | null | undefined): string {
  if (raw == null) return '';
  return raw.trim().toLowerCase();
}

/** Host part of an address (after the last '@'), lower-case; '' when there is none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  const host = address.slice(at + 1).toLowerCase();
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
