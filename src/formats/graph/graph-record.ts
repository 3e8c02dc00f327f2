/** Mapping of Microsoft Graph exchangeMessageTrace and exchangeMessageTraceDetail items to rows. */
import { normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { EventRow, TraceRecord } from '../../schema/index.js';
import { detailEvent, quoteValue, reason, RecordError, RejectReason, sizeOf, statusOf, text, timeOf } from '../shared/index.js';

interface GraphTrace {
  id?: unknown;
  messageId?: unknown;
  senderAddress?: unknown;
  recipientAddress?: unknown;
  receivedDateTime?: unknown;
  subject?: unknown;
  size?: unknown;
  fromIP?: unknown;
  toIP?: unknown;
  status?: unknown;
}

/**
 * A MessageTrace record from one `exchangeMessageTrace`, or the reason it cannot be one. Status comes
 * lower camel case in v1.0 (`filteredAsSpam`) and Pascal case in beta examples; both are read.
 */
export function graphRecord(value: unknown): TraceRecord | RejectReason {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reason('not-json-object');
  const o = value as GraphTrace;
  const traceId = normalizeTraceId(text(o.id));
  if (traceId === '') return reason('missing-field-for', { field: 'id', column: 'MessageTraceId' });
  const recipient = typeof o.recipientAddress === 'string' ? normalizeAddress(o.recipientAddress) : '';
  if (recipient === '') return reason('missing-field', { field: 'recipientAddress' });
  if (o.receivedDateTime == null || o.receivedDateTime === '') return reason('missing-field', { field: 'receivedDateTime' });
  const received = timeOf(o.receivedDateTime);
  if (received !== received) return reason('bad-value', { field: 'receivedDateTime', value: quoteValue(o.receivedDateTime) });
  const status = statusOf(o.status);
  if (status === undefined) return reason('unknown-status', { field: 'status', value: quoteValue(o.status) });
  const size = sizeOf(o.size);
  if (size !== size) return reason('bad-value', { field: 'size', value: quoteValue(o.size) });
  return {
    Received: received,
    SenderAddress: normalizeAddress(text(o.senderAddress)),
    RecipientAddress: recipient,
    Subject: text(o.subject),
    Status: status,
    FromIP: text(o.fromIP),
    ToIP: text(o.toIP),
    Size: size,
    MessageId: text(o.messageId).trim(),
    MessageTraceId: traceId,
    Organization: '',
    Source: 'graph',
  };
}

/** The MessageTrace record of one Graph `exchangeMessageTrace` item; throws RecordError when it has none. */
export function graphRecordFromJson(item: unknown): TraceRecord {
  const r = graphRecord(item);
  if (r instanceof RejectReason) throw new RecordError(r);
  return r;
}

interface GraphDetail {
  id?: unknown;
  messageId?: unknown;
  dateTime?: unknown;
  event?: unknown;
  action?: unknown;
  description?: unknown;
  data?: unknown;
  // Added by log shippers and by our own collector when they store details apart from the request.
  messageTraceId?: unknown;
  recipientAddress?: unknown;
  senderAddress?: unknown;
}

/** The message and recipient a page of trace details belongs to (from its request URL, when the file has it). */
export interface DetailLink {
  traceId: string;
  recipient: string;
  sender: string;
}

/** Whether a Graph object is an `exchangeMessageTraceDetail` (an event) rather than a trace. */
export function isGraphDetail(o: object): boolean {
  return 'dateTime' in o && 'event' in o && !('receivedDateTime' in o);
}

/**
 * A MessageEvents row from one `getDetailsByRecipient` item ({id, messageId, dateTime, event, action,
 * description, data}), linked to its message and recipient by the item's own fields when it has them, else
 * by `link`; or the reason it cannot be one.
 */
export function graphDetail(value: unknown, link: DetailLink): EventRow | RejectReason {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reason('not-json-object');
  const o = value as GraphDetail;
  if (o.dateTime == null || o.dateTime === '') return reason('missing-field', { field: 'dateTime' });
  const time = timeOf(o.dateTime);
  if (time !== time) return reason('bad-value', { field: 'dateTime', value: quoteValue(o.dateTime) });
  const event = text(o.event).trim().toUpperCase();
  if (event === '') return reason('missing-field', { field: 'event' });
  const traceId = normalizeTraceId(text(o.messageTraceId) || link.traceId);
  const messageId = text(o.messageId).trim();
  if (traceId === '' && messageId === '')
    return reason('no-message-named', { fields: 'messageId and a message trace id in the item or the file' });
  return detailEvent({
    time,
    traceId,
    messageId,
    sender: text(o.senderAddress) || link.sender,
    recipient: text(o.recipientAddress) || link.recipient,
    event,
    source: 'graph',
    action: text(o.action),
    description: text(o.description),
    data: text(o.data),
  });
}

/**
 * A MessageEvents row from one `getDetailsByRecipient` item of the trace `traceId` for `recipient`;
 * throws RecordError when it cannot be one.
 */
export function graphEventFromJson(item: unknown, traceId: string, recipient: string, sender = ''): EventRow {
  const r = graphDetail(item, { traceId, recipient, sender });
  if (r instanceof RejectReason) throw new RecordError(r);
  return r;
}
