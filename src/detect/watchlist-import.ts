/** `mailsift watchlist import`: alerts of other security products (EDR/XDR) from CSV or JSON into the Watchlist table. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseTime, type WatchlistRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { WatchlistImportError } from './errors.js';
import { parseCsv } from './csv-rows.js';

/** Accepted spellings of each column (compared lower-case without spaces, dashes, underscores and dots). */
const COLUMNS = {
  Timestamp: [
    'timestamp',
    'time',
    'datetime',
    'date',
    'timegenerated',
    'eventtime',
    'alerttime',
    'detectiontime',
    'detectedat',
    'detected',
    'detecttime',
    'createdat',
    'createdtime',
    'createdtimestamp',
    'created',
    'createddatetime',
    'eventtimestamp',
    'alerttimestamp',
    'detectiontimestamp',
    'firstseen',
    'firstactivity',
    'firstactivitydatetime',
    'starttime',
    'timestamputc',
  ],
  User: [
    'user',
    'username',
    'userprincipalname',
    'upn',
    'account',
    'accountname',
    'accountupn',
    'email',
    'mail',
    'useremail',
    'emailaddress',
    'loggedonuser',
    'loggedonusers',
    'userid',
    'assigneduser',
    'usersid',
    'principal',
    'mailbox',
  ],
  Product: ['product', 'productname', 'source', 'detectionsource', 'servicesource', 'vendor', 'tool', 'provider', 'sensor'],
  Detection: [
    'detection',
    'detectionname',
    'alert',
    'alertname',
    'title',
    'name',
    'threat',
    'threatname',
    'displayname',
    'description',
    'category',
    'technique',
    'tactic',
  ],
  Severity: ['severity', 'alertseverity', 'severityname', 'level', 'priority', 'risk', 'risklevel'],
} as const;

type Field = keyof typeof COLUMNS;

/** How an import went. */
export interface WatchlistImportReport {
  name: string;
  path: string;
  format: 'csv' | 'json';
  imported: number;
  skipped: number;
  /** The first few reasons rows were skipped (row number and why). */
  problems: string[];
  /** Which input column fed each Watchlist column. */
  columns: Partial<Record<Field, string>>;
}

/** Read a CSV or JSON file of alerts and replace the watchlist `name` with its rows. */
export async function importWatchlist(
  store: Store,
  path: string,
  options: { name?: string; product?: string } = {},
): Promise<WatchlistImportReport> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (cause) {
    throw new WatchlistImportError(`cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  const name = options.name ?? basename(path, extname(path));
  const parsed = parseWatchlist(decode(raw), name, options.product);
  await store.replaceWatchlist(name, parsed.rows);
  return {
    name,
    path,
    format: parsed.format,
    imported: parsed.rows.length,
    skipped: parsed.skipped,
    problems: parsed.problems,
    columns: parsed.columns,
  };
}

/** Rows of a watchlist file's text (CSV or JSON, detected from its first character). */
export function parseWatchlist(
  text: string,
  name: string,
  product?: string,
): { rows: WatchlistRow[]; skipped: number; problems: string[]; columns: Partial<Record<Field, string>>; format: 'csv' | 'json' } {
  const trimmed = text.trimStart();
  const format = trimmed.startsWith('[') || trimmed.startsWith('{') ? 'json' : 'csv';
  const records = format === 'json' ? jsonRecords(trimmed) : parseCsv(text);
  if (records.length === 0) throw new WatchlistImportError('the file holds no rows');
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const columns: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    const found = pickColumn(keys, COLUMNS[field]);
    if (found) columns[field] = found;
  }
  for (const required of ['Timestamp', 'User'] as const) {
    if (!columns[required]) {
      throw new WatchlistImportError(
        `no ${required.toLowerCase()} column (looked for ${COLUMNS[required].slice(0, 6).join(', ')}, ...; the file has ${keys.slice(0, 12).join(', ')})`,
      );
    }
  }
  const rows: WatchlistRow[] = [];
  const problems: string[] = [];
  let skipped = 0;
  records.forEach((r, i) => {
    const at = toTime(r[columns.Timestamp!]);
    const user = text1(r[columns.User!]).trim();
    const why = Number.isNaN(at) ? `timestamp '${text1(r[columns.Timestamp!])}' is not a time` : user === '' ? 'no user' : '';
    if (why) {
      skipped++;
      if (problems.length < 10) problems.push(`row ${i + 1}: ${why}`);
      return;
    }
    rows.push({
      Timestamp: at,
      User: user.toLowerCase(),
      Product: text1(columns.Product ? r[columns.Product] : '') || product || name,
      Detection: text1(columns.Detection ? r[columns.Detection] : ''),
      Severity: text1(columns.Severity ? r[columns.Severity] : ''),
      Name: name,
    });
  });
  if (rows.length === 0) throw new WatchlistImportError(`no usable rows (${problems[0] ?? 'all rows were skipped'})`);
  return { rows, skipped, problems, columns, format };
}

function pickColumn(keys: readonly string[], names: readonly string[]): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[\s_\-.()]/g, '');
  const byNorm = new Map<string, string>();
  for (const k of keys) {
    const n = norm(k);
    if (!byNorm.has(n)) byNorm.set(n, k);
    // Flattened nested keys ("device.user.upn") also answer to their last part.
    const last = norm(k.split('.').pop() ?? k);
    if (!byNorm.has(last)) byNorm.set(last, k);
  }
  for (const n of names) {
    const k = byNorm.get(n);
    if (k) return k;
  }
  return undefined;
}

function jsonRecords(text: string): Record<string, unknown>[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // One object per line (NDJSON).
    try {
      doc = text
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l));
    } catch (cause) {
      throw new WatchlistImportError(`not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  if (!Array.isArray(doc) && doc && typeof doc === 'object') {
    // Envelopes of product APIs: Graph `value`, CrowdStrike `resources`, and the like.
    const arrays = Object.values(doc as Record<string, unknown>).filter(Array.isArray);
    doc = arrays.length > 0 ? arrays.sort((a, b) => b.length - a.length)[0] : [doc];
  }
  if (!Array.isArray(doc)) throw new WatchlistImportError('JSON must be an array of alerts, an object holding one, or one alert per line');
  return doc.filter((x) => x && typeof x === 'object').map((x) => flatten(x as Record<string, unknown>));
}

function flatten(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}, depth = 0): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 3) flatten(v as Record<string, unknown>, key, out, depth + 1);
    else if (Array.isArray(v)) out[key] = v.length > 0 && typeof v[0] !== 'object' ? v.join(', ') : v.length > 0 ? v[0] : '';
    else if (!(key in out)) out[key] = v;
  }
  return out;
}

function text1(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).trim();
}

/** A time from ISO text, `YYYY/MM/DD hh:mm[:ss]`, OData `/Date(ms)/`, or epoch seconds / milliseconds. */
function toTime(v: unknown): number {
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  const s = text1(v);
  if (/^\d{9,13}$/.test(s)) return Number(s) < 1e11 ? Number(s) * 1000 : Number(s);
  const t = parseTime(
    s.replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`),
  );
  return t;
}

/** Text of a file: UTF-8, or UTF-16 with a byte-order mark (as Windows tools export it). */
function decode(raw: Buffer): string {
  if (raw[0] === 0xff && raw[1] === 0xfe) return raw.subarray(2).toString('utf16le');
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    const swapped = Buffer.from(raw.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const s = raw.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
