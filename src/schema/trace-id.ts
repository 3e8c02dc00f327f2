/** The MessageTraceId key column: one spelling per id, whatever the source wrote. */

/**
 * The hex digits of a GUID, lower case, each of its four dashes optional: what normalizeTraceId respells (in any
 * case, in braces or not). An engine that maps ids in SQL hands those not yet in the stored form to the parser.
 */
export const GUID_DIGITS = '[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}';

const GUID = new RegExp(`^\\{?(${GUID_DIGITS})\\}?$`, 'i');

/**
 * A MessageTraceId as stored: trimmed; a GUID (with or without braces or dashes, any case) becomes the
 * lower-case dashed form Graph and Get-MessageTraceV2 write, so the same message read from an EAC report in
 * upper case, or with stray spaces, updates its rows instead of adding new ones. Other ids (tracking-log
 * internal ids) are only trimmed.
 */
export function normalizeTraceId(raw: string | null | undefined): string {
  if (raw == null) return '';
  const id = raw.trim();
  const m = GUID.exec(id);
  if (!m) return id;
  const hex = m[1]!.replace(/-/g, '').toLowerCase();
  if (hex.length !== 32) return id;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether an id is already in its stored spelling (engines that map ids in SQL decline the others). */
export function isNormalTraceId(id: string): boolean {
  return normalizeTraceId(id) === id;
}
