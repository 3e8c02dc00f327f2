/**
 * The fields of Get-MessageTraceDetail(V2) (Date, Event, Action, Detail, Data, MessageTraceId, MessageId,
 * RecipientAddress, SenderAddress, Organization; see learn.microsoft.com, MessageTraceDetail members) mapped
 * to a MessageEvents row.
 */
import { normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { EventRow } from '../../schema/index.js';
import { reason, type RejectReason } from './reject-reason.js';
import { mepValue, quoteValue, text, timeOf } from './fields.js';

interface PascalDetail {
  Date?: unknown;
  Event?: unknown;
  Action?: unknown;
  Detail?: unknown;
  Data?: unknown;
  MessageTraceId?: unknown;
  MessageId?: unknown;
  RecipientAddress?: unknown;
  SenderAddress?: unknown;
}

/** Whether a Pascal-case object is a trace detail (an event) rather than a trace record. */
export function isPascalDetail(o: object): boolean {
  return 'Event' in o && 'Date' in o && !('Received' in o);
}

/** A MessageEvents row from one Get-MessageTraceDetail(V2) object, or the reason it cannot be one. */
export function pascalEvent(value: unknown, source: string): EventRow | RejectReason {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reason('not-json-object');
  const o = value as PascalDetail;
  if (o.Date == null || o.Date === '') return reason('missing-field', { field: 'Date' });
  const time = timeOf(o.Date);
  if (time !== time) return reason('bad-value', { field: 'Date', value: quoteValue(o.Date) });
  const event = text(o.Event).trim().toUpperCase();
  if (event === '') return reason('missing-field', { field: 'Event' });
  const traceId = normalizeTraceId(text(o.MessageTraceId));
  const messageId = text(o.MessageId).trim();
  if (traceId === '' && messageId === '') return reason('no-message-named', { fields: 'MessageTraceId and MessageId' });
  return detailEvent({
    time,
    traceId,
    messageId,
    sender: text(o.SenderAddress),
    recipient: text(o.RecipientAddress),
    event,
    source,
    action: text(o.Action),
    description: text(o.Detail),
    data: text(o.Data),
  });
}

/** The parts of one trace detail (Graph exchangeMessageTraceDetail or Get-MessageTraceDetailV2), as read. */
export interface DetailParts {
  time: number;
  traceId: string;
  messageId: string;
  sender: string;
  recipient: string;
  event: string;
  source: string;
  action: string;
  description: string;
  /** The `<root><MEP Name=... /></root>` XML, where the client IP and server name are. */
  data: string;
}

/** The MessageEvents row of a trace detail, whichever source it came from. */
export function detailEvent(p: DetailParts): EventRow {
  const action = p.action.trim();
  return {
    Timestamp: p.time,
    MessageTraceId: p.traceId,
    MessageId: p.messageId,
    SenderAddress: normalizeAddress(p.sender),
    RecipientAddress: normalizeAddress(p.recipient),
    Event: p.event,
    Source: p.source,
    Detail: action && !p.description.includes(action) ? `${action}: ${p.description}` : p.description,
    ClientIP: mepValue(p.data, 'ClientIP'),
    ServerHostname: mepValue(p.data, 'ServerHostname'),
  };
}
