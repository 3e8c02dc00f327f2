/** Appends MessageTrace rows for one message: every recipient row shares the message's ids. */
import type { Status, TraceRecord } from '../schema/index.js';

/** Source of the demo rows: the demo pretends its data was collected from Microsoft Graph. */
export const DEMO_SOURCE = 'graph';

/** Collects trace rows of one tenant. */
export class TraceSink {
  rows: TraceRecord[] = [];

  constructor(readonly organization: string) {}

  /** One message x recipient row. */
  row(
    t: number,
    sender: string,
    recipient: string,
    subject: string,
    status: Status,
    fromIP: string,
    toIP: string,
    size: number,
    messageId: string,
    traceId: string,
  ): void {
    this.rows.push({
      Received: t,
      SenderAddress: sender,
      RecipientAddress: recipient,
      Subject: subject,
      Status: status,
      FromIP: fromIP,
      ToIP: toIP,
      Size: size,
      MessageId: messageId,
      MessageTraceId: traceId,
      Organization: this.organization,
      Source: DEMO_SOURCE,
    });
  }

  /** Takes the rows collected so far. */
  take(): TraceRecord[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }
}
