/** Syslog message text: RFC 5424 with structured data, or CEF inside the RFC 5424 envelope; no raw line breaks either way. */
import { evidencePairs, type Alert } from '../alert.js';
import type { Severity } from '../finding.js';
import { visible } from '../text-safety.js';

/** Facility names of RFC 5424 section 6.2.1. */
export const FACILITIES: Record<string, number> = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
};

const SYSLOG_SEVERITY: Record<Severity, number> = { critical: 2, high: 3, medium: 4, low: 5 };
const CEF_SEVERITY: Record<Severity, number> = { low: 3, medium: 5, high: 8, critical: 10 };

export interface SyslogFormatOptions {
  format: 'rfc5424' | 'cef';
  facility: number;
  hostname: string;
  appName: string;
  procId: string;
  enterpriseId: number;
  version: string;
  /** Longest message in bytes (UTF-8); longer ones are cut on a character boundary. */
  maxBytes: number;
}

/** A header field of RFC 5424: printable US-ASCII without spaces, or `-`. */
function headerField(s: string, max: number): string {
  const clean = s.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean === '' ? '-' : clean;
}

/** An SD-PARAM value: `"`, `\` and `]` escaped (RFC 5424 section 6.3.3), invisible characters shown. */
function sdValue(s: unknown): string {
  return visible(s, 500).replace(/["\\\]]/g, (c) => `\\${c}`);
}

/** A CEF header field: `\` and `|` escaped, line breaks not allowed (CEF "Implementation Standard", "Header"). */
export function cefHeader(s: unknown, max: number): string {
  return visible(s, max).replace(/[\\|]/g, (c) => `\\${c}`);
}

/** A CEF extension value: `\` and `=` escaped, line breaks as `\n` / `\r` (CEF "Extension"). */
export function cefValue(s: unknown, max = 1000): string {
  const raw = typeof s === 'string' ? s : s === null || s === undefined ? '' : String(s);
  const escaped = raw
    .replace(/[\\=]/g, (c) => `\\${c}`)
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return visible(escaped, max);
}

/** The alert's one-line message: sentence, link and the top evidence rows. */
export function syslogText(alert: Alert): string {
  const parts = [visible(alert.sentence, 1000)];
  if (alert.link) parts.push(`link=${alert.link}`);
  const rows = evidencePairs(alert.evidence);
  if (rows.length > 0) parts.push('evidence: ' + rows.map((r) => r.map((p) => `${p.name}=${p.value}`).join(', ')).join(' ; '));
  return parts.join(' | ');
}

/** The CEF line of an alert. */
export function cefLine(alert: Alert, version: string): string {
  const e: Partial<Record<'sender' | 'recipient' | 'ip' | 'subject' | 'senderDomain' | 'country', string>> = alert.finding?.entities ?? {};
  const ext: [string, unknown][] = [
    ['rt', Date.parse(alert.firedAt)],
    ['externalId', alert.finding?.id ?? alert.id],
    ['cat', alert.finding?.rule ?? 'query'],
    ['msg', alert.sentence],
    ['request', alert.link ?? ''],
    ['suser', e.sender ?? ''],
    ['duser', e.recipient ?? ''],
    ['src', e.ip ?? ''],
    ['cnt', alert.finding?.count ?? alert.evidence.rows.length],
    ['cs1Label', 'subject'],
    ['cs1', e.subject ?? ''],
    ['cs2Label', 'senderDomain'],
    ['cs2', e.senderDomain ?? ''],
    ['cs3Label', 'country'],
    ['cs3', e.country ?? ''],
    ['cs4Label', 'alertId'],
    ['cs4', alert.id],
  ];
  const extension = ext
    .filter(([, v]) => v !== '' && v !== undefined)
    .map(([k, v]) => `${k}=${cefValue(v)}`)
    .join(' ');
  const header = [
    'CEF:0',
    'mailsift',
    'mailsift',
    cefHeader(version, 31),
    cefHeader(alert.rule, 200),
    cefHeader(alert.title, 300),
    String(CEF_SEVERITY[alert.severity]),
  ];
  return `${header.join('|')}|${extension}`;
}

/** The whole RFC 5424 message (without transport framing). */
export function syslogMessage(alert: Alert, o: SyslogFormatOptions): string {
  const pri = o.facility * 8 + SYSLOG_SEVERITY[alert.severity];
  const msgId = headerField(o.format === 'cef' ? 'CEF' : 'alert', 32);
  const header = `<${pri}>1 ${alert.firedAt} ${headerField(o.hostname, 255)} ${headerField(o.appName, 48)} ${headerField(o.procId, 128)} ${msgId}`;
  const sd =
    o.format === 'cef'
      ? '-'
      : `[mailsift@${o.enterpriseId} rule="${sdValue(alert.rule)}" severity="${alert.severity}" alertId="${sdValue(alert.id)}"` +
        (alert.finding ? ` findingId="${sdValue(alert.finding.id)}" detection="${sdValue(alert.finding.rule)}"` : '') +
        ']';
  const msg = o.format === 'cef' ? cefLine(alert, o.version) : syslogText(alert);
  // The BOM tells receivers the message is UTF-8 (RFC 5424 section 6.4); CEF parsers expect `CEF:0` first.
  return cutUtf8(`${header} ${sd} ${o.format === 'cef' ? '' : '\ufeff'}${msg}`, o.maxBytes);
}

/** `s` cut to at most `maxBytes` of UTF-8 without splitting a character. */
export function cutUtf8(s: string, maxBytes: number): string {
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= maxBytes) return s;
  let end = maxBytes;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}
