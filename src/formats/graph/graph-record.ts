/** Mapping of Microsoft Graph exchangeMessageTrace and exchangeMessageTraceDetail items to rows. */
import { normalizeAddress } from '../../schema/index.js';
import type { EventRow, TraceRecord } from '../../schema/index.js';
import { quoteValue, RecordError, sizeOf, statusOf, text, timeOf } from '../shared/index.js';

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
export function graphRecord(value: unknown): TraceRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const o = value as GraphTrace;
  if (o.id == null || o.id === '') return 'missing id (MessageTraceId)';
  const recipient = typeof o.recipientAddress === 'string' ? normalizeAddress(o.recipientAddress) : '';
  if (recipient === '') return 'missing recipientAddress';
  if (o.receivedDateTime == null || o.receivedDateTime === '') return 'missing receivedDateTime';
  const received = timeOf(o.receivedDateTime);
  if (received !== received) return `bad receivedDateTime ${quoteValue(o.receivedDateTime)}`;
  const status = statusOf(o.status);
  if (status === undefined) return `unknown status ${quoteValue(o.status)}`;
  const size = sizeOf(o.size);
  if (size !== size) return `bad size ${quoteValue(o.size)}`;
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
    MessageTraceId: text(o.id),
    Organization: '',
    Source: 'graph',
  };
}

/** The MessageTrace record of one Graph `exchangeMessageTrace` item; throws RecordError when it has none. */
export function graphRecordFromJson(item: unknown): TraceRecord {
  const r = graphRecord(item);
  if (typeof r === 'string') throw new RecordError(r);
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
}

/** A value of the `data` XML of a trace detail: `<MEP Name="ClientIP" String="203.0.113.5" />`. */
function dataValue(data: string, name: string): string {
  const at = data.indexOf(`Name="${name}"`);
  if (at < 0) return '';
  const m = /^Name="[^"]*"\s+(?:String|Value)="([^"]*)"/.exec(data.slice(at, at + 400));
  return m ? m[1]! : '';
}

/**
 * A MessageEvents row from one `getDetailsByRecipient` item ({id, messageId, dateTime, event, action,
 * description, data}) of the trace `traceId` for `recipient`; throws RecordError when it has no valid time.
 */
export function graphEventFromJson(item: unknown, traceId: string, recipient: string, sender = ''): EventRow {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new RecordError('not a JSON object');
  const o = item as GraphDetail;
  const time = timeOf(o.dateTime);
  if (time !== time) throw new RecordError(`bad dateTime ${quoteValue(o.dateTime)}`);
  const data = text(o.data);
  const description = text(o.description);
  const action = text(o.action);
  return {
    Timestamp: time,
    MessageTraceId: traceId,
    MessageId: text(o.messageId).trim(),
    SenderAddress: normalizeAddress(sender),
    RecipientAddress: normalizeAddress(recipient),
    Event: text(o.event).trim().toUpperCase(),
    Source: 'graph',
    Detail: action && !description.includes(action) ? `${action}: ${description}` : description,
    ClientIP: dataValue(data, 'ClientIP'),
    ServerHostname: dataValue(data, 'ServerHostname'),
  };
}
