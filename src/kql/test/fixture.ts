/** A small hand-written data set for the KQL case tables, loaded into a real in-memory DuckDB store. */
import type { EventRow, IndicatorRow, TraceRow, WatchlistRow } from '../../schema/index.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';

/** What now() means in every case: 2026-11-02T00:00:00Z. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 2);

const t = (iso: string): number => Date.parse(iso);

function trace(
  p: Partial<TraceRow> &
    Pick<TraceRow, 'Received' | 'SenderAddress' | 'RecipientAddress' | 'Subject' | 'Status' | 'Size' | 'MessageTraceId'>,
): TraceRow {
  return {
    FromIP: '',
    ToIP: '',
    MessageId: `<${p.MessageTraceId}@contoso.com>`,
    Organization: 'contoso.onmicrosoft.com',
    Source: 'graph',
    SenderDomain: p.SenderAddress.split('@')[1] ?? '',
    RecipientDomain: p.RecipientAddress.split('@')[1] ?? '',
    Direction: 'Inbound',
    FromCountry: '',
    ToCountry: '',
    FromAsn: 0,
    ToAsn: 0,
    FromAsOrg: '',
    ToAsOrg: '',
    ...p,
  };
}

export const TRACES: readonly TraceRow[] = [
  trace({
    Received: t('2026-11-01T08:15:00Z'),
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'bob@fabrikam.com',
    Subject: 'Invoice 4711 from Contoso',
    Status: 'Delivered',
    FromIP: '203.0.113.5',
    Size: 1200,
    MessageTraceId: 'm1',
    Direction: 'Outbound',
    FromCountry: 'JP',
  }),
  trace({
    Received: t('2026-11-01T09:30:00Z'),
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'carol@contoso.com',
    Subject: 'Quarterly report',
    Status: 'Delivered',
    FromIP: '10.0.0.7',
    Size: 52000,
    MessageTraceId: 'm2',
    Direction: 'Internal',
  }),
  trace({
    Received: t('2026-11-01T10:05:00Z'),
    SenderAddress: 'billing@phish.example',
    RecipientAddress: 'bob@contoso.com',
    Subject: 'Urgent: invoice overdue',
    Status: 'Quarantined',
    FromIP: '198.51.100.23',
    Size: 8000,
    MessageTraceId: 'm3',
    FromCountry: 'KP',
    FromAsn: 64500,
  }),
  trace({
    Received: t('2026-11-01T10:06:00Z'),
    SenderAddress: 'billing@phish.example',
    RecipientAddress: 'dave@contoso.com',
    Subject: 'Urgent: invoice overdue',
    Status: 'FilteredAsSpam',
    FromIP: '198.51.100.23',
    Size: 8000,
    MessageTraceId: 'm3',
    FromCountry: 'KP',
    FromAsn: 64500,
  }),
  trace({
    Received: t('2026-11-01T23:59:59Z'),
    SenderAddress: 'news@fabrikam.com',
    RecipientAddress: 'alice@contoso.com',
    Subject: 'Concatenate your reports',
    Status: 'Delivered',
    FromIP: '203.0.113.9',
    Size: 300,
    MessageTraceId: 'm4',
    FromCountry: 'US',
  }),
  trace({
    Received: t('2026-10-31T12:00:00Z'),
    SenderAddress: 'bob@contoso.com',
    RecipientAddress: 'eve@example.net',
    Subject: '会議の資料 について',
    Status: 'Failed',
    FromIP: '192.168.1.20',
    Size: 150000,
    MessageTraceId: 'm5',
    Direction: 'Outbound',
  }),
  trace({
    Received: t('2026-10-31T13:00:00Z'),
    SenderAddress: 'bob@contoso.com',
    RecipientAddress: 'eve@example.net',
    Subject: 'Re: 会議',
    Status: 'Pending',
    FromIP: '192.168.1.20',
    Size: 0,
    MessageTraceId: 'm6',
    Direction: 'Outbound',
  }),
  trace({
    Received: t('2026-10-25T00:00:00Z'),
    SenderAddress: 'news@fabrikam.com',
    RecipientAddress: 'bob@contoso.com',
    Subject: 'Weekly CAT facts',
    Status: 'Delivered',
    FromIP: '203.0.113.9',
    Size: 4096,
    MessageTraceId: 'm7',
    FromCountry: 'US',
  }),
  trace({
    Received: t('2026-11-01T12:00:00Z'),
    SenderAddress: "o'brien@contoso.com",
    RecipientAddress: 'bob@contoso.com',
    Subject: `it's "quoted" -- /* not a comment */ \\n`,
    Status: 'None',
    Size: 10,
    MessageTraceId: 'm8',
    Direction: 'Internal',
  }),
];

export const EVENTS: readonly EventRow[] = [
  {
    Timestamp: t('2026-11-01T08:15:00Z'),
    MessageTraceId: 'm1',
    MessageId: '<m1@contoso.com>',
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'bob@fabrikam.com',
    Event: 'RECEIVE',
    Source: 'SMTP',
    Detail: '',
    ClientIP: '203.0.113.5',
    ServerHostname: 'mx1',
  },
  {
    Timestamp: t('2026-11-01T08:15:02Z'),
    MessageTraceId: 'm1',
    MessageId: '<m1@contoso.com>',
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'bob@fabrikam.com',
    Event: 'DELIVER',
    Source: 'STOREDRIVER',
    Detail: '',
    ClientIP: '',
    ServerHostname: 'mbx1',
  },
  {
    Timestamp: t('2026-11-01T10:05:00Z'),
    MessageTraceId: 'm3',
    MessageId: '<m3@contoso.com>',
    SenderAddress: 'billing@phish.example',
    RecipientAddress: 'bob@contoso.com',
    Event: 'QUARANTINE',
    Source: 'AGENT',
    Detail: 'High confidence phish',
    ClientIP: '198.51.100.23',
    ServerHostname: 'mx1',
  },
];

export const INDICATORS: readonly IndicatorRow[] = [
  {
    Indicator: 'billing@phish.example',
    Type: 'email',
    Confidence: 90,
    Actor: 'TA-1',
    Labels: ['phishing', 'invoice'],
    Feed: 'soc',
    ValidFrom: t('2026-10-01T00:00:00Z'),
    ValidUntil: null,
  },
  {
    Indicator: '198.51.100.0/24',
    Type: 'cidr',
    Confidence: 70,
    Actor: '',
    Labels: ['botnet'],
    Feed: 'soc',
    ValidFrom: null,
    ValidUntil: null,
  },
  { Indicator: 'phish.example', Type: 'domain', Confidence: 80, Actor: 'TA-1', Labels: [], Feed: 'soc', ValidFrom: null, ValidUntil: null },
];

export const WATCHLIST: readonly WatchlistRow[] = [
  { Timestamp: t('2026-11-01T11:00:00Z'), User: 'bob@contoso.com', Product: 'EDR', Detection: 'Emotet', Severity: 'high', Name: 'edr' },
];

/** An in-memory store holding the fixture rows (or the store at `url`, filled with them). */
export async function openFixtureStore(url = 'duckdb::memory:'): Promise<Store> {
  const store = await openStore(url);
  await store.upsertTraces(TRACES);
  await store.insertEvents(EVENTS);
  await store.replaceIndicators('soc', INDICATORS);
  await store.replaceWatchlist('edr', WATCHLIST);
  return store;
}
