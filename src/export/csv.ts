/** CSV (RFC 4180) of query results that spreadsheets can open safely: formula-like cells are neutralised. */

// Full-width ＝＋－＠ too: Japanese Excel reads them as formula signs.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A cell that Excel, LibreOffice or Sheets would run as a formula gets a leading apostrophe. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Text of one value: strings as they are, numbers and booleans as JSON, objects/arrays as JSON, null as ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** One CSV field: neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : neutralizeCell(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a header line; lines end in CRLF as RFC 4180 says. */
export function toCsv(columns: readonly { name: string }[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
