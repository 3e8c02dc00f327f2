/**
 * abuse.ch CSV exports (ThreatFox, Feodo Tracker): `#` comment lines, a header naming the columns (commented
 * out in ThreatFox's exports, `# "first_seen_utc","ioc_id",...`), then quoted rows (`"a", "b"`).
 */
import { parseCsv } from './csv-parse.js';
import type { IndicatorCollector } from './indicator-collector.js';
import { checkListText, isDataLine } from './list-text.js';

/** One data row by column name, with its line. */
export interface AbuseChRow {
  line: number;
  fields: Record<string, string>;
}

/** The rows of an export and the rows too short to be whole (a download cut short). */
export interface AbuseChCsv {
  rows: AbuseChRow[];
  short: { line: number; text: string }[];
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/** Reads an export; columns come from its header, else from `fallback` (the documented order). */
export function readAbuseChCsv(text: string, headerKey: string, fallback: readonly string[]): AbuseChCsv {
  const src = text.replace(/^\uFEFF/, '');
  const lines = src.split(/\r?\n/);
  let columns = [...fallback];
  const headerAt = lines.findIndex((l) => new RegExp(`^#?\\s*"?${headerKey}"?\\s*,`).test(l.trim()));
  if (headerAt >= 0) columns = lines[headerAt]!.replace(/^\s*#/, '').split(',').map(unquote);
  // Comments and the header become blank lines, so parseCsv's line numbers stay the file's.
  const body = lines.map((l, i) => (i === headerAt || l.trimStart().startsWith('#') ? '' : l)).join('\n');
  const out: AbuseChCsv = { rows: [], short: [] };
  for (const row of parseCsv(body, ',')) {
    if (row.cells.length < columns.length) {
      out.short.push({ line: row.line, text: row.cells.join(',') });
      continue;
    }
    const fields: Record<string, string> = {};
    columns.forEach((c, i) => (fields[c] = (row.cells[i] ?? '').trim()));
    out.rows.push({ line: row.line, fields });
  }
  return out;
}

/**
 * The whole rows of an export after the guards every abuse.ch feed needs (an HTML page or no entry fails the
 * read); rows cut short are recorded as skipped with their line.
 */
export function abuseChRows(text: string, what: string, columns: readonly string[], collector: IndicatorCollector): AbuseChRow[] {
  const headerKey = columns[0]!;
  checkListText(text, what, (l) => isDataLine(l) && !l.replace(/^"/, '').startsWith(headerKey));
  const { rows, short } = readAbuseChCsv(text, headerKey, columns);
  for (const s of short) collector.skip(s.text, 'row cut short (fewer columns than the header)', `line ${s.line}`);
  return rows;
}
