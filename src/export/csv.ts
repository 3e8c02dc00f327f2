/**
 * CSV (RFC 4180) of query results that spreadsheets can open safely: formula-like cells are neutralised. The one CSV
 * writer of mailsift: the server's exports (Explorer, dashboard panels) and `mailsift query --format csv` use it.
 */

// Full-width ＝＋－＠ too: Japanese Excel reads them as formula signs.
const SIGN = '[=+\\-@＝＋－＠]';
/** Blanks (and quotes) a spreadsheet skips before reading a cell. */
const SKIPPED = '[\\s\\u3000"]*';
/** A formula sign at the start of the cell (after blanks), or a tab or CR first. */
const AT_START = new RegExp(`^(?:${SKIPPED}${SIGN}|[\\t\\r])`);
/**
 * A formula sign after a separator that some spreadsheet splits on (comma, semicolon, tab, line break, full-width
 * comma and semicolon): quotes do not protect there, since a program splitting on `;` starts its cell mid-field.
 */
const AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n，；]${SKIPPED})(?=${SIGN})`, 'g');
/** What makes a cell need quotes: a separator of any common CSV dialect, a quote, a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * Text that Excel, LibreOffice or Sheets could run as a formula, however they split the line, made inert: a leading
 * apostrophe for the cell, and one before each formula sign that follows a separator inside it.
 */
export function neutralizeCell(text: string): string {
  const guarded = AT_START.test(text) ? `'${text}` : text;
  return guarded.replace(AFTER_SEPARATOR, "$1'");
}

/** Text of one value: strings as they are, numbers and booleans as JSON, objects/arrays as JSON, null as ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** One CSV field: neutralised, quoted when it holds a comma, semicolon, tab, quote or line break. */
export function csvField(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : neutralizeCell(cellText(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a header line; lines end in CRLF as RFC 4180 says. */
export function toCsv(columns: readonly { name: string }[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
