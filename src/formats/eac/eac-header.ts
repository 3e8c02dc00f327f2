/** Recognising the three CSV reports of the Exchange admin center by their header row. */
import { parseCsvLine } from '../shared/index.js';

/** Which report a header belongs to. */
export type EacReport = 'summary' | 'extended' | 'trace';

/**
 * The columns of a plain message trace CSV, and the header names (squeezed: lower-case letters and digits of
 * any script, without a zone in parentheses) that mean each. The Japanese names are the column titles of the
 * admin center's Japanese UI (日付, 送信者, 受信者, 件名, 状態, ...); Microsoft does not publish the exact
 * headers of its Japanese downloads, so the usual variants of each title are accepted.
 */
export const TRACE_COLUMNS = {
  Received: [
    'received',
    'dateutc',
    'date',
    'datetime',
    'receivedutc',
    'receiveddatetime',
    'datetimeutc',
    '日付',
    '日時',
    '受信日時',
    '受信日',
  ],
  SenderAddress: ['senderaddress', 'sender', 'fromaddress', '送信者', '送信者アドレス', '差出人'],
  RecipientAddress: ['recipientaddress', 'recipient', 'toaddress', '受信者', '受信者アドレス', '宛先'],
  Subject: ['subject', '件名'],
  Status: ['status', 'deliverystatus', '状態', 'ステータス', '配信状態'],
  MessageId: ['messageid', 'メッセージid'],
  MessageTraceId: ['messagetraceid', 'networkmessageid', 'メッセージトレースid', 'メッセージ追跡id'],
  FromIP: ['fromip', '送信元ip', '送信元ipアドレス'],
  ToIP: ['toip', '送信先ip', '送信先ipアドレス', '宛先ip'],
  Size: ['size', 'sizebytes', 'サイズ', 'サイズバイト'],
  Organization: ['organization', '組織'],
} as const;

export type TraceColumn = keyof typeof TRACE_COLUMNS;

/**
 * A header name reduced to lower-case letters and digits of any script, full-width forms folded and a zone
 * in parentheses dropped: `Date (UTC)` -> `date`, `日付 (UTC+09:00)` -> `日付`, `メッセージ ＩＤ` -> `メッセージid`.
 */
export function squeeze(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(\s*(?:utc|gmt)[^)]*\)/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The header row of a CSV text: its first line that is not blank and not a `#` comment (e.g. Export-Csv's `#TYPE`). */
export function headerLine(head: string): string | undefined {
  let start = 0;
  while (start < head.length) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    const line = head.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '' && !line.startsWith('#')) return line;
    start = end + 1;
  }
  return undefined;
}

/** Column positions of a plain message trace CSV (-1 when absent). */
export function traceColumns(names: readonly string[]): Record<TraceColumn, number> {
  const squeezed = names.map(squeeze);
  const out = {} as Record<TraceColumn, number>;
  for (const [column, aliases] of Object.entries(TRACE_COLUMNS) as [TraceColumn, readonly string[]][]) {
    out[column] = squeezed.findIndex((n) => aliases.includes(n));
  }
  return out;
}

/** The report a header row belongs to, or undefined when it is none of them. */
export function classifyHeader(names: readonly string[]): EacReport | undefined {
  const lower = new Set(names.map((n) => n.trim().toLowerCase()));
  if (lower.has('origin_timestamp_utc') && lower.has('recipient_status')) return 'summary';
  if (lower.has('date_time_utc') && lower.has('event_id') && lower.has('recipient_address')) return 'extended';
  const c = traceColumns(names);
  if (c.Received >= 0 && c.SenderAddress >= 0 && c.RecipientAddress >= 0 && c.Status >= 0) return 'trace';
  return undefined;
}

/** The report of a decoded file start, or undefined. */
export function detectReport(head: string): EacReport | undefined {
  const line = headerLine(head);
  if (line === undefined || !line.includes(',')) return undefined;
  const names = parseCsvLine(line);
  return names ? classifyHeader(names) : undefined;
}
