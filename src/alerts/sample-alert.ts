/** The sample alert `mailsift alerts test NAME` sends: a realistic status-spike finding with documentation addresses. */
import { randomUUID } from 'node:crypto';
import type { Alert } from './alert.js';

/** A sample alert fired at `now`, linking under `linkBase`. */
export function sampleAlert(now: number, linkBase: string, timeZone?: string): Alert {
  const to = new Date(now).toISOString();
  const from = new Date(now - 3_600_000).toISOString();
  const id = 'test-alert';
  return {
    id: randomUUID(),
    rule: 'mailsift test alert',
    severity: 'medium',
    title: 'Medium: mailsift test alert',
    sentence: 'Test alert: FilteredAsSpam 9.8x above its usual level (this is a test of the destination, not an incident)',
    link: `${linkBase}/findings/${id}`,
    firedAt: to,
    timeZone,
    finding: {
      id,
      rule: 'status-spike',
      severity: 'medium',
      title: 'FilteredAsSpam 9.8x above its usual level',
      from,
      to,
      count: 1234,
      entities: { sender: '', senderDomain: '', recipient: '', ip: '', country: '', status: 'FilteredAsSpam', subject: '' },
      query: "MessageTrace | where Status == 'FilteredAsSpam'",
      details: { test: true },
    },
    query: "MessageTrace | where Status == 'FilteredAsSpam'",
    key: id,
    evidence: {
      columns: [
        { name: 'Received', type: 'datetime' },
        { name: 'SenderAddress', type: 'string' },
        { name: 'RecipientAddress', type: 'string' },
        { name: 'Subject', type: 'string' },
        { name: 'Status', type: 'string' },
        { name: 'FromIP', type: 'string' },
      ],
      rows: [
        [to, 'billing@fabrikam.example', 'kenji.sato@contoso.com', 'Invoice 4711 overdue', 'FilteredAsSpam', '203.0.113.7'],
        [to, 'billing@fabrikam.example', 'aiko.tanaka@contoso.com', 'Invoice 4712 overdue', 'FilteredAsSpam', '203.0.113.7'],
      ],
    },
  };
}
