/** A complete MessageTrace row for tests, with documentation values; override what a case is about. */
import type { TraceRow } from '../../schema/index.js';

export function traceRow(over: Partial<TraceRow> = {}): TraceRow {
  return {
    Received: Date.UTC(2026, 10, 2, 9, 30),
    SenderAddress: 'alice@fabrikam.com',
    RecipientAddress: 'bob@contoso.com',
    Subject: 'Quarterly report',
    Status: 'Delivered',
    FromIP: '203.0.113.10',
    ToIP: '',
    Size: 12_345,
    MessageId: '<a1@fabrikam.com>',
    MessageTraceId: '6f0c1a2b-0000-4000-8000-000000000001',
    Organization: 'contoso.onmicrosoft.com',
    Source: 'graph',
    SenderDomain: 'fabrikam.com',
    RecipientDomain: 'contoso.com',
    Direction: 'Inbound',
    FromCountry: '',
    ToCountry: '',
    FromAsn: 0,
    ToAsn: 0,
    FromAsOrg: '',
    ToAsOrg: '',
    ...over,
  };
}
