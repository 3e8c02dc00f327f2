/** CSV indicator files and plain lists (one value per line), with flexible column names. */
import { parseCsv, guessDelimiter } from './csv-parse.js';
import { readSourceText } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import type { IndicatorType } from './normalize.js';
import type { CsvFeedConfig, FeedResult } from './types.js';

type Role = 'indicator' | 'type' | 'confidence' | 'actor' | 'source' | 'labels' | 'validFrom' | 'validUntil';

/** Header names (lower-case, letters and digits only) and what they hold; a typed indicator column implies its type. */
const COLUMNS: Readonly<Record<string, { role: Role; type?: IndicatorType }>> = {
  indicator: { role: 'indicator' },
  value: { role: 'indicator' },
  ioc: { role: 'indicator' },
  observable: { role: 'indicator' },
  indicatorvalue: { role: 'indicator' },
  iocvalue: { role: 'indicator' },
  observablevalue: { role: 'indicator' },
  pattern: { role: 'indicator' },
  email: { role: 'indicator', type: 'email' },
  emailaddress: { role: 'indicator', type: 'email' },
  sender: { role: 'indicator', type: 'email' },
  domain: { role: 'indicator', type: 'domain' },
  domainname: { role: 'indicator', type: 'domain' },
  hostname: { role: 'indicator', type: 'domain' },
  fqdn: { role: 'indicator', type: 'domain' },
  ip: { role: 'indicator' },
  ipaddress: { role: 'indicator' },
  cidr: { role: 'indicator' },
  network: { role: 'indicator' },
  netblock: { role: 'indicator' },
  type: { role: 'type' },
  indicatortype: { role: 'type' },
  ioctype: { role: 'type' },
  observabletype: { role: 'type' },
  kind: { role: 'type' },
  confidence: { role: 'confidence' },
  score: { role: 'confidence' },
  maliciousconfidence: { role: 'confidence' },
  severity: { role: 'confidence' },
  actor: { role: 'actor' },
  actors: { role: 'actor' },
  threatactor: { role: 'actor' },
  adversary: { role: 'actor' },
  group: { role: 'actor' },
  attribution: { role: 'actor' },
  source: { role: 'source' },
  feed: { role: 'source' },
  provider: { role: 'source' },
  labels: { role: 'labels' },
  label: { role: 'labels' },
  tags: { role: 'labels' },
  tag: { role: 'labels' },
  threattype: { role: 'labels' },
  category: { role: 'labels' },
  validfrom: { role: 'validFrom' },
  validuntil: { role: 'validUntil' },
  expires: { role: 'validUntil' },
  expiration: { role: 'validUntil' },
  validto: { role: 'validUntil' },
};

/** Type names used by feeds (STIX, CrowdStrike, MISP, OpenCTI exports) mapped to mailsift's. */
const TYPE_NAMES: Readonly<Record<string, IndicatorType>> = {
  email: 'email',
  emailaddr: 'email',
  emailaddress: 'email',
  emailsrc: 'email',
  emaildst: 'email',
  mail: 'email',
  domain: 'domain',
  domainname: 'domain',
  hostname: 'domain',
  fqdn: 'domain',
  host: 'domain',
  ip: 'ip',
  ipv4: 'ip',
  ipv6: 'ip',
  ipaddress: 'ip',
  ipv4addr: 'ip',
  ipv6addr: 'ip',
  ipsrc: 'ip',
  ipdst: 'ip',
  address: 'ip',
  cidr: 'cidr',
  netblock: 'cidr',
  subnet: 'cidr',
  network: 'cidr',
  ipaddressblock: 'cidr',
  iprange: 'cidr',
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Confidence words of common feeds; numbers are taken as 0-100 (or 0-1 when written as a fraction). */
export function parseConfidence(raw: string): number | undefined {
  const s = raw.trim().toLowerCase();
  if (s === '') return undefined;
  const words: Record<string, number> = {
    high: 85,
    h: 85,
    critical: 95,
    medium: 50,
    med: 50,
    m: 50,
    moderate: 50,
    low: 15,
    l: 15,
    unverified: 0,
    none: 0,
    unknown: 0,
  };
  if (s in words) return words[s];
  const n = Number(s.replace(/%$/, ''));
  if (!Number.isFinite(n)) return undefined;
  return n > 0 && n < 1 && s.includes('.') ? n * 100 : n;
}

function parseTimeCell(raw: string | undefined): number | null {
  if (!raw || raw.trim() === '') return null;
  const t = Date.parse(raw.trim());
  return Number.isNaN(t) ? null : t;
}

/** Reads a CSV feed (with a header) or a plain list (no header: the first field of each line is the value). */
export async function readCsvFeed(config: CsvFeedConfig): Promise<FeedResult> {
  const text = await readSourceText(config);
  return csvIndicators(text, config);
}

/** Indicators of CSV text; exposed for the auto-detecting reader and tests. */
export function csvIndicators(text: string, config: CsvFeedConfig): FeedResult {
  const delimiter = config.delimiter ?? guessDelimiter(text);
  const rows = parseCsv(text, delimiter).filter(
    (r) => !r.cells[0]!.trimStart().startsWith('#') && !r.cells[0]!.trimStart().startsWith('//'),
  );
  const collector = new IndicatorCollector(config.name);
  const defaultConfidence = config.defaultConfidence ?? 50;
  const first = rows[0]?.cells.map(key) ?? [];
  const roles = new Map<Role, { index: number; type?: IndicatorType }>();
  first.forEach((name, index) => {
    const col = COLUMNS[name];
    if (col && !roles.has(col.role)) roles.set(col.role, { index, type: col.type });
  });
  const hasHeader = roles.has('indicator');
  const cellOf = (cells: string[], role: Role) => {
    const c = roles.get(role);
    return c ? (cells[c.index]?.trim() ?? '') : '';
  };
  const labelSplit = delimiter === ',' ? /[;|,]/ : /[;|]/;
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const ref = `line ${row.line}`;
    // Plain lists often carry a trailing comment: "203.0.113.7  # scanner".
    const value = hasHeader ? cellOf(row.cells, 'indicator') : row.cells[0]!.replace(/\s+#.*$/, '').trim();
    if (value === '') continue;
    let type: IndicatorType | undefined = roles.get('indicator')?.type;
    const typeName = hasHeader ? cellOf(row.cells, 'type') : '';
    if (typeName) {
      type = TYPE_NAMES[key(typeName)];
      if (!type) {
        collector.skip(value, `indicator type ${typeName} is not matched`, ref);
        continue;
      }
    }
    const confidence = hasHeader ? parseConfidence(cellOf(row.cells, 'confidence')) : undefined;
    const source = hasHeader ? cellOf(row.cells, 'source') : '';
    const labels = (hasHeader ? cellOf(row.cells, 'labels') : '')
      .split(labelSplit)
      .map((l) => l.trim())
      .filter(Boolean);
    if (source) labels.push(`source:${source}`);
    collector.add(
      value,
      type === 'ip' || type === 'cidr' ? 'ip' : type,
      {
        confidence: confidence ?? defaultConfidence,
        actor: hasHeader ? cellOf(row.cells, 'actor') : '',
        labels,
        validFrom: hasHeader ? parseTimeCell(cellOf(row.cells, 'validFrom')) : null,
        validUntil: hasHeader ? parseTimeCell(cellOf(row.cells, 'validUntil')) : null,
      },
      ref,
    );
  }
  return collector.result('replace');
}
