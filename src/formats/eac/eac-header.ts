/** Recognising the three CSV reports of the Exchange admin center by their header row. */
import { parseCsvLine } from '../shared/index.js';

/** Which report a header belongs to. */
export type EacReport = 'summary' | 'extended' | 'trace';

/** The columns of a plain message trace CSV, and the header names (squeezed: lower-case letters and digits) that mean each. */
export const TRACE_COLUMNS = {
  Received: ['received', 'dateutc', 'date', 'datetime', 'receivedutc', 'receiveddatetime', 'datetimeutc'],
  SenderAddress: ['senderaddress', 'sender', 'fromaddress'],
  RecipientAddress: ['recipientaddress', 'recipient', 'toaddress'],
  Subject: ['subject'],
  Status: ['status', 'deliverystatus'],
  MessageId: ['messageid'],
  MessageTraceId: ['messagetraceid', 'networkmessageid'],
  FromIP: ['fromip'],
  ToIP: ['toip'],
  Size: ['size', 'sizebytes'],
  Organization: ['organization'],
} as const;

export type TraceColumn = keyof typeof TRACE_COLUMNS;

/** A header name reduced to lower-case letters and digits: `Date (UTC)` -> `dateutc`. */
export function squeeze(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
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
