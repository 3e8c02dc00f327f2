/** Rows of the EAC enhanced summary report and of the plain message trace CSV, mapped to MessageTrace records. */
import { EVENT_STATUS, normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { TraceRecord } from '../../schema/index.js';
import { quoteValue, reason, RejectReason, sizeOf, statusOf } from '../shared/index.js';
import type { BatchBuilder } from '../shared/index.js';
import { headerZone, parseEacTime } from './eac-time.js';
import { traceColumns } from './eac-header.js';
import type { TraceColumn } from './eac-header.js';

/** Reads enhanced summary report rows: one row per message, `recipient_status` per recipient. */
export class SummaryRows {
  private readonly at: (name: string) => number;

  constructor(
    names: readonly string[],
    private readonly b: BatchBuilder,
  ) {
    const lower = names.map((n) => n.trim().toLowerCase());
    this.at = (name) => lower.indexOf(name);
  }

  /** One data row. */
  row(fields: readonly string[], line: number, raw: string): void {
    const b = this.b;
    b.read++;
    const get = (name: string): string => fields[this.at(name)] ?? '';
    const timeText = get('origin_timestamp_utc');
    if (timeText === '') return b.reject(line, reason('missing-field', { field: 'origin_timestamp_utc' }), raw);
    const received = parseEacTime(timeText);
    if (received !== received)
      return b.reject(line, reason('bad-value', { field: 'origin_timestamp_utc', value: quoteValue(timeText) }), raw);
    const traceId = normalizeTraceId(get('network_message_id'));
    if (traceId === '') return b.reject(line, reason('missing-field-for', { field: 'network_message_id', column: 'MessageTraceId' }), raw);
    const statusText = get('recipient_status');
    if (statusText.trim() === '')
      return b.reject(line, reason('missing-field-for', { field: 'recipient_status', column: 'RecipientAddress' }), raw);
    const size = sizeOf(get('total_bytes'));
    if (size !== size) return b.reject(line, reason('bad-value', { field: 'total_bytes', value: quoteValue(get('total_bytes')) }), raw);
    const base = {
      Received: received,
      SenderAddress: normalizeAddress(get('sender_address')),
      Subject: get('message_subject'),
      FromIP: get('original_client_ip'),
      ToIP: '',
      Size: size,
      MessageId: get('message_id').trim(),
      MessageTraceId: traceId,
      Organization: '',
      Source: 'eac',
    };
    // `addr##Receive, Deliver;addr2##Receive, Fail`: the last event of each recipient decides its status.
    for (const part of statusText.split(';')) {
      if (part.trim() === '') continue;
      const sep = part.indexOf('##');
      const recipient = normalizeAddress(sep < 0 ? part : part.slice(0, sep));
      if (recipient === '') {
        b.reject(line, reason('no-recipient-in-status', { value: quoteValue(part) }), raw);
        continue;
      }
      const events =
        sep < 0
          ? []
          : part
              .slice(sep + 2)
              .split(',')
              .map((e) => e.trim())
              .filter((e) => e !== '');
      const last = events[events.length - 1];
      if (last === undefined) {
        b.reject(line, reason('no-recipient-events', { recipient }), raw);
        continue;
      }
      const status = EVENT_STATUS[last.toUpperCase()];
      if (status === undefined) {
        b.reject(line, reason('unknown-status-event', { value: quoteValue(last), recipient }), raw);
        continue;
      }
      b.traces.push({ ...base, RecipientAddress: recipient, Status: status });
    }
  }
}

/** Reads plain message trace CSV rows (one per message x recipient), columns found by header name. */
export class TraceRows {
  private readonly col: Record<TraceColumn, number>;
  /** Zone of times without one of their own, from the date column's header (`Date (UTC+09:00)`); UTC by default. */
  private readonly zone: number;

  constructor(
    names: readonly string[],
    private readonly b: BatchBuilder,
  ) {
    this.col = traceColumns(names);
    this.zone = headerZone(names[this.col.Received] ?? '') ?? 0;
  }

  /** One data row. */
  row(fields: readonly string[], line: number, raw: string): void {
    const b = this.b;
    b.read++;
    const r = this.record(fields);
    if (r instanceof RejectReason) b.reject(line, r, raw);
    else b.traces.push(r);
  }

  private record(fields: readonly string[]): TraceRecord | RejectReason {
    const get = (c: TraceColumn): string => {
      const i = this.col[c];
      return i < 0 ? '' : (fields[i] ?? '');
    };
    const traceId = normalizeTraceId(get('MessageTraceId'));
    if (traceId === '') return reason('missing-field', { field: 'MessageTraceId' });
    const recipient = normalizeAddress(get('RecipientAddress'));
    if (recipient === '') return reason('missing-field', { field: 'RecipientAddress' });
    const timeText = get('Received');
    if (timeText.trim() === '') return reason('missing-field', { field: 'Received' });
    const received = parseEacTime(timeText, this.zone);
    if (received !== received) return reason('bad-value', { field: 'Received', value: quoteValue(timeText) });
    const status = statusOf(get('Status'));
    if (status === undefined) return reason('unknown-status', { field: 'Status', value: quoteValue(get('Status')) });
    const size = sizeOf(get('Size'));
    if (size !== size) return reason('bad-value', { field: 'Size', value: quoteValue(get('Size')) });
    return {
      Received: received,
      SenderAddress: normalizeAddress(get('SenderAddress')),
      RecipientAddress: recipient,
      Subject: get('Subject'),
      Status: status,
      FromIP: get('FromIP'),
      ToIP: get('ToIP'),
      Size: size,
      MessageId: get('MessageId').trim(),
      MessageTraceId: traceId,
      Organization: get('Organization'),
      Source: 'eac',
    };
  }
}
