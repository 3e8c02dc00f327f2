/**
 * The fields of Get-MessageTraceDetail(V2) (Date, Event, Action, Detail, Data, MessageTraceId, MessageId,
 * RecipientAddress, SenderAddress, Organization; see learn.microsoft.com, MessageTraceDetail members) mapped
 * to a MessageEvents row.
 */
import { normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { EventRow } from '../../schema/index.js';
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
export function pascalEvent(value: unknown, source: string): EventRow | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const o = value as PascalDetail;
  if (o.Date == null || o.Date === '') return 'missing Date';
  const time = timeOf(o.Date);
  if (time !== time) return `bad Date ${quoteValue(o.Date)}`;
  const event = text(o.Event).trim().toUpperCase();
  if (event === '') return 'missing Event';
  const traceId = normalizeTraceId(text(o.MessageTraceId));
  const messageId = text(o.MessageId).trim();
  if (traceId === '' && messageId === '') return 'missing MessageTraceId and MessageId (the event names no message)';
  const data = text(o.Data);
  const action = text(o.Action).trim();
  const detail = text(o.Detail);
  return {
    Timestamp: time,
    MessageTraceId: traceId,
    MessageId: messageId,
    SenderAddress: normalizeAddress(text(o.SenderAddress)),
    RecipientAddress: normalizeAddress(text(o.RecipientAddress)),
    Event: event,
    Source: source,
    Detail: action && !detail.includes(action) ? `${action}: ${detail}` : detail,
    ClientIP: mepValue(data, 'ClientIP'),
    ServerHostname: mepValue(data, 'ServerHostname'),
  };
}
