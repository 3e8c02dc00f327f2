/**
 * The event logic of message tracking logs (and of the EAC extended report, which has the same fields):
 * every event line becomes MessageEvents rows (one per recipient), and the events of a message are folded
 * into one MessageTrace row per recipient whose status follows the latest event.
 */
import { EVENT_STATUS, normalizeAddress, normalizeTraceId } from '../../schema/index.js';
import type { Status, TraceRecord } from '../../schema/index.js';
import { fastTime, quoteValue, reason, sizeOf } from '../shared/index.js';
import type { BatchBuilder } from '../shared/index.js';
import type { FieldMap } from './tracking-fields.js';

/** Messages kept in memory per file before the oldest are written out early (a later upsert fixes them). */
export const MAX_OPEN_MESSAGES = 100_000;

interface RecipientState {
  status: Status | undefined;
  time: number;
}

interface MessageState {
  traceId: string;
  messageId: string;
  sender: string;
  subject: string;
  size: number;
  received: number;
  fromIp: string;
  /** 3: original-client-ip, 2: client-ip of an SMTP RECEIVE, 1: client-ip of another RECEIVE. */
  fromIpRank: number;
  toIp: string;
  recipients: Map<string, RecipientState>;
}

/** Column positions of the fields the event logic reads (-1 when the header lacks one). */
interface Columns {
  time: number;
  clientIp: number;
  serverIp: number;
  serverHostname: number;
  source: number;
  eventId: number;
  internalId: number;
  messageId: number;
  networkId: number;
  recipients: number;
  statuses: number;
  size: number;
  subject: number;
  sender: number;
  originalClientIp: number;
}

function columnsOf(map: FieldMap): Columns {
  return {
    time: map.at('date-time'),
    clientIp: map.at('client-ip'),
    serverIp: map.at('server-ip'),
    serverHostname: map.at('server-hostname'),
    source: map.at('source'),
    eventId: map.at('event-id'),
    internalId: map.at('internal-message-id'),
    messageId: map.at('message-id'),
    networkId: map.at('network-message-id'),
    recipients: map.at('recipient-address'),
    statuses: map.at('recipient-status'),
    size: map.at('total-bytes'),
    subject: map.at('message-subject'),
    sender: map.at('sender-address'),
    originalClientIp: map.at('original-client-ip'),
  };
}

/**
 * Per-recipient details of `recipient-status`. The field is `;`-separated per recipient, but one
 * status may itself hold a `;` (`550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found`): pieces are
 * split where the next one starts with an SMTP code, and when they still don't match the recipients,
 * every recipient gets the whole text.
 */
export function splitStatuses(raw: string, count: number): string[] {
  if (count <= 1) return [raw];
  const pieces = raw.split(';');
  if (pieces.length === count) return pieces;
  const grouped: string[] = [];
  for (const p of pieces) {
    if (grouped.length === 0 || /^\s*\d{3}\b/.test(p)) grouped.push(p);
    else grouped[grouped.length - 1] += `;${p}`;
  }
  return grouped.length === count ? grouped : new Array<string>(count).fill(raw);
}

/** Events the mailbox side of Exchange logs about a mailbox rather than a message in transport. */
const MAILBOX_EVENTS = new Set([
  'NOTIFYMAPI',
  'SUBMIT',
  'SUBMITDEFER',
  'SUBMITFAIL',
  'HAREDIRECT',
  'HAREDIRECTFAIL',
  'HARECEIVE',
  'MODERATORRECEIVE',
]);
const MAILBOX_SOURCES = new Set(['STOREDRIVER', 'MAILBOXRULE', 'STOREDRIVERSUBMISSION', 'STOREDRIVERDELIVERY', 'MAPISUBMIT']);

/** Whether a line with no message id is a mailbox event (skipped) rather than a broken transport line (rejected). */
function isMailboxEvent(event: string, source: string, recipients: string): boolean {
  return MAILBOX_EVENTS.has(event) || MAILBOX_SOURCES.has(source.trim().toUpperCase()) || recipients.trim() === '';
}

/** Reads event lines of one file into a BatchBuilder; call `finish` at the end of the file. */
export class TrackingEvents {
  private columns: Columns | undefined;
  private width = 0;
  private readonly messages = new Map<string, MessageState>();

  constructor(
    private readonly b: BatchBuilder,
    private readonly source: string,
    private readonly maxOpen = MAX_OPEN_MESSAGES,
  ) {}

  /** Use a new header (a `#Fields:` line, possibly mid-file after a service restart). */
  setHeader(map: FieldMap): void {
    this.columns = columnsOf(map);
    this.width = map.width;
  }

  /** Whether a header has been seen. */
  get hasHeader(): boolean {
    return this.columns !== undefined;
  }

  /** One event line (already split into fields). */
  line(fields: readonly string[], line: number, raw: string): void {
    const b = this.b;
    b.read++;
    const c = this.columns;
    if (!c) {
      b.reject(line, reason('before-fields-header'), raw);
      return;
    }
    if (fields.length !== this.width) {
      b.reject(line, reason('field-count', { expected: this.width, found: fields.length }), raw);
      return;
    }
    const get = (i: number): string => (i < 0 ? '' : fields[i]!);
    const timeText = get(c.time);
    if (timeText === '') {
      b.reject(line, reason('missing-field', { field: 'date-time' }), raw);
      return;
    }
    const time = fastTime(timeText);
    if (time !== time) {
      b.reject(line, reason('bad-value', { field: 'date-time', value: quoteValue(timeText) }), raw);
      return;
    }
    const event = get(c.eventId).trim().toUpperCase();
    if (event === '') {
      b.reject(line, reason('missing-field', { field: 'event-id' }), raw);
      return;
    }
    const messageId = get(c.messageId).trim();
    const internalId = get(c.internalId).trim();
    const networkId = get(c.networkId).trim();
    if (networkId === '' && messageId === '' && isMailboxEvent(event, get(c.source), get(c.recipients))) {
      // Mailbox events (NOTIFYMAPI, store-driver SUBMIT, HAREDIRECT...) name no message: nothing to store.
      b.skipped++;
      return;
    }
    // Exchange 2010 logs have no network-message-id: the server's internal id with the Message-ID stands in.
    const traceId = normalizeTraceId(networkId) || (internalId && messageId ? `${internalId}:${messageId}` : internalId || messageId);
    if (traceId === '') {
      b.reject(line, reason('no-message-named', { fields: 'network-message-id, internal-message-id and message-id' }), raw);
      return;
    }
    const recipients = get(c.recipients)
      .split(';')
      .map(normalizeAddress)
      .filter((r) => r !== '');
    const sender = normalizeAddress(get(c.sender));
    const clientIp = get(c.clientIp);
    const serverHostname = get(c.serverHostname);
    const source = get(c.source);
    const details = splitStatuses(get(c.statuses), recipients.length);
    const base = {
      Timestamp: time,
      MessageTraceId: traceId,
      MessageId: messageId,
      SenderAddress: sender,
      Event: event,
      Source: source,
      ClientIP: clientIp,
      ServerHostname: serverHostname,
    };
    if (recipients.length === 0) {
      b.events.push({ ...base, RecipientAddress: '', Detail: details[0] ?? '' });
    } else {
      for (let k = 0; k < recipients.length; k++) b.events.push({ ...base, RecipientAddress: recipients[k]!, Detail: details[k] ?? '' });
    }

    const msg = this.message(traceId, time);
    if (time < msg.received) msg.received = time;
    if (!msg.messageId) msg.messageId = messageId;
    if (!msg.sender) msg.sender = sender;
    if (!msg.subject) msg.subject = get(c.subject);
    const size = sizeOf(get(c.size));
    if (size === size && size > msg.size) msg.size = size;
    const original = get(c.originalClientIp);
    if (original && msg.fromIpRank < 3) {
      msg.fromIp = original;
      msg.fromIpRank = 3;
    } else if (event === 'RECEIVE' && clientIp) {
      const rank = source.toUpperCase() === 'SMTP' ? 2 : 1;
      if (rank > msg.fromIpRank) {
        msg.fromIp = clientIp;
        msg.fromIpRank = rank;
      }
    }
    if (event === 'SEND') msg.toIp = get(c.serverIp);
    const status = EVENT_STATUS[event];
    for (const r of recipients) {
      let state = msg.recipients.get(r);
      if (!state) {
        state = { status: undefined, time: -Infinity };
        msg.recipients.set(r, state);
      }
      if (status && time >= state.time) {
        state.status = status;
        state.time = time;
      }
    }
  }

  /** Write out the MessageTrace rows of every message still open (end of file). */
  finish(): void {
    for (const msg of this.messages.values()) this.emit(msg);
    this.messages.clear();
  }

  private message(traceId: string, time: number): MessageState {
    let msg = this.messages.get(traceId);
    if (msg) return msg;
    if (this.messages.size >= this.maxOpen) this.evictOldest();
    msg = {
      traceId,
      messageId: '',
      sender: '',
      subject: '',
      size: 0,
      received: time,
      fromIp: '',
      fromIpRank: 0,
      toIp: '',
      recipients: new Map(),
    };
    this.messages.set(traceId, msg);
    return msg;
  }

  /** Emit the oldest tenth of the open messages early to keep memory bounded. */
  private evictOldest(): void {
    let n = Math.max(1, Math.floor(this.maxOpen / 10));
    for (const [id, msg] of this.messages) {
      this.emit(msg);
      this.messages.delete(id);
      if (--n === 0) break;
    }
  }

  private emit(msg: MessageState): void {
    for (const [recipient, state] of msg.recipients) {
      const row: TraceRecord = {
        Received: msg.received,
        SenderAddress: msg.sender,
        RecipientAddress: recipient,
        Subject: msg.subject,
        Status: state.status ?? 'None',
        FromIP: msg.fromIp,
        ToIP: msg.toIp,
        Size: msg.size,
        MessageId: msg.messageId,
        MessageTraceId: msg.traceId,
        Organization: '',
        Source: this.source,
      };
      this.b.traces.push(row);
    }
  }
}
