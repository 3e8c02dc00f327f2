/**
 * The 14 fields of Get-MessageTrace / Get-MessageTraceV2 and of the Reporting Web Service MessageTrace
 * report (Organization, MessageId, Received, SenderAddress, RecipientAddress, Subject, Status, ToIP,
 * FromIP, Size, MessageTraceId, StartDate, EndDate, Index) mapped to a MessageTrace record.
 */
import { normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { TraceRecord } from '../../schema/index.js';
import { reason, type RejectReason } from './reject-reason.js';
import { quoteValue, sizeOf, statusOf, text, timeOf } from './fields.js';

/** The Pascal-case record fields as they arrive. */
interface PascalRecord {
  Organization?: unknown;
  MessageId?: unknown;
  Received?: unknown;
  SenderAddress?: unknown;
  RecipientAddress?: unknown;
  Subject?: unknown;
  Status?: unknown;
  ToIP?: unknown;
  FromIP?: unknown;
  Size?: unknown;
  MessageTraceId?: unknown;
}

/** A MessageTrace record from one Pascal-case JSON object, or the reason it cannot be one. */
export function pascalRecord(value: unknown, source: string): TraceRecord | RejectReason {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reason('not-json-object');
  const o = value as PascalRecord;
  const traceId = normalizeTraceId(text(o.MessageTraceId));
  if (traceId === '') return reason('missing-field', { field: 'MessageTraceId' });
  const recipient = typeof o.RecipientAddress === 'string' ? normalizeAddress(o.RecipientAddress) : '';
  if (recipient === '') return reason('missing-field', { field: 'RecipientAddress' });
  if (o.Received == null || o.Received === '') return reason('missing-field', { field: 'Received' });
  const received = timeOf(o.Received);
  if (received !== received) return reason('bad-value', { field: 'Received', value: quoteValue(o.Received) });
  const status = statusOf(o.Status);
  if (status === undefined) return reason('unknown-status', { field: 'Status', value: quoteValue(o.Status) });
  const size = sizeOf(o.Size);
  if (size !== size) return reason('bad-value', { field: 'Size', value: quoteValue(o.Size) });
  const messageId = o.MessageId;
  return {
    Received: received,
    SenderAddress: normalizeAddress(text(o.SenderAddress)),
    RecipientAddress: recipient,
    Subject: typeof o.Subject === 'string' ? o.Subject : text(o.Subject),
    Status: status,
    FromIP: typeof o.FromIP === 'string' ? o.FromIP : text(o.FromIP),
    ToIP: typeof o.ToIP === 'string' ? o.ToIP : text(o.ToIP),
    Size: size,
    MessageId: typeof messageId === 'string' ? messageId.trim() : text(messageId),
    MessageTraceId: traceId,
    Organization: typeof o.Organization === 'string' ? o.Organization : text(o.Organization),
    Source: source,
  };
}
