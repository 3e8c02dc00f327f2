/** The KQL tables of DESIGN.md: column names and types are a contract with users and scripts. */
import type { TableDef } from './types.js';

export const MessageTrace: TableDef = {
  name: 'MessageTrace',
  doc: 'One row per message x recipient, in the shape of Get-MessageTraceV2 / Graph messageTraces.',
  key: ['MessageTraceId', 'RecipientAddress'],
  columns: [
    { name: 'Received', type: 'datetime', doc: 'When Exchange received the message (UTC)' },
    { name: 'SenderAddress', type: 'string', doc: 'Envelope sender, lower-case' },
    { name: 'RecipientAddress', type: 'string', doc: 'Recipient, lower-case' },
    { name: 'Subject', type: 'string', doc: "Subject as sent ('' when absent); attacker-controlled" },
    {
      name: 'Status',
      type: 'string',
      doc: 'Delivered, Failed, Pending, Expanded, Quarantined, FilteredAsSpam, GettingStatus, Recalled, None',
    },
    { name: 'FromIP', type: 'string', doc: "IP that sent the message to Exchange ('' when absent)" },
    { name: 'ToIP', type: 'string', doc: "IP Exchange delivered to ('' for inbound mail)" },
    { name: 'Size', type: 'long', doc: 'Size in bytes' },
    { name: 'MessageId', type: 'string', doc: 'Internet Message-ID with <>' },
    { name: 'MessageTraceId', type: 'string', doc: 'Per message; shared by its recipient rows' },
    { name: 'Organization', type: 'string', doc: 'Tenant' },
    { name: 'SenderDomain', type: 'string', doc: 'Host part of SenderAddress' },
    { name: 'RecipientDomain', type: 'string', doc: 'Host part of RecipientAddress' },
    { name: 'Direction', type: 'string', doc: 'Inbound, Outbound, Internal, External' },
    { name: 'FromCountry', type: 'string', doc: "ISO 3166-1 alpha-2 of FromIP ('' when unknown or private)" },
    { name: 'ToCountry', type: 'string', doc: "ISO 3166-1 alpha-2 of ToIP ('' when unknown or private)" },
    { name: 'FromAsn', type: 'long', doc: 'Autonomous system of FromIP (0 when unknown)' },
    { name: 'ToAsn', type: 'long', doc: 'Autonomous system of ToIP (0 when unknown)' },
    { name: 'FromAsOrg', type: 'string', doc: 'Organisation of FromAsn' },
    { name: 'ToAsOrg', type: 'string', doc: 'Organisation of ToAsn' },
    { name: 'Source', type: 'string', doc: 'graph, rws, powershell, eac, tracking-log, demo, ...' },
  ],
};

export const MessageEvents: TableDef = {
  name: 'MessageEvents',
  doc: 'Per-hop events of a message (Graph getDetailsByRecipient, tracking logs, EAC extended reports).',
  key: ['MessageTraceId', 'RecipientAddress', 'Timestamp', 'Event', 'ServerHostname'],
  columns: [
    { name: 'Timestamp', type: 'datetime' },
    { name: 'MessageTraceId', type: 'string' },
    { name: 'MessageId', type: 'string' },
    { name: 'SenderAddress', type: 'string' },
    { name: 'RecipientAddress', type: 'string' },
    { name: 'Event', type: 'string', doc: 'RECEIVE, DELIVER, FAIL, SEND, EXPAND, DEFER, ...' },
    { name: 'Source', type: 'string', doc: 'Component or feed that logged the event' },
    { name: 'Detail', type: 'string' },
    { name: 'ClientIP', type: 'string' },
    { name: 'ServerHostname', type: 'string' },
  ],
};

export const Indicators: TableDef = {
  name: 'Indicators',
  doc: 'Threat-intelligence indicators from the configured feeds.',
  key: ['Feed', 'Type', 'Indicator'],
  columns: [
    { name: 'Indicator', type: 'string' },
    { name: 'Type', type: 'string', doc: 'email, domain, ip, cidr' },
    { name: 'Confidence', type: 'long', doc: '0-100' },
    { name: 'Actor', type: 'string' },
    { name: 'Labels', type: 'dynamic', doc: 'Array of strings' },
    { name: 'Feed', type: 'string' },
    { name: 'ValidFrom', type: 'datetime' },
    { name: 'ValidUntil', type: 'datetime' },
  ],
};

export const Findings: TableDef = {
  name: 'Findings',
  doc: 'Incidents found by the detection rules.',
  key: ['Id'],
  columns: [
    { name: 'Id', type: 'string' },
    { name: 'Rule', type: 'string' },
    { name: 'Severity', type: 'string', doc: 'low, medium, high, critical' },
    { name: 'Title', type: 'string' },
    { name: 'From', type: 'datetime' },
    { name: 'To', type: 'datetime' },
    { name: 'Count', type: 'long' },
    { name: 'Entities', type: 'dynamic' },
    { name: 'Query', type: 'string' },
    { name: 'Details', type: 'dynamic' },
    { name: 'State', type: 'string', doc: 'open, acknowledged, closed' },
    { name: 'UpdatedBy', type: 'string' },
    { name: 'UpdatedAt', type: 'datetime' },
  ],
};

export const Watchlist: TableDef = {
  name: 'Watchlist',
  doc: 'Alerts from other security products (EDR/XDR), imported from CSV or JSON.',
  key: ['Timestamp', 'User', 'Product', 'Detection'],
  columns: [
    { name: 'Timestamp', type: 'datetime' },
    { name: 'User', type: 'string' },
    { name: 'Product', type: 'string' },
    { name: 'Detection', type: 'string' },
    { name: 'Severity', type: 'string' },
    { name: 'Name', type: 'string', doc: 'Watchlist the row was imported into' },
  ],
};

export const IntelMatches: TableDef = {
  name: 'IntelMatches',
  doc: 'Senders, sender domains, sender IPs and recipients of MessageTrace that match an active indicator (refreshed by intel import/sync/matches and by serve).',
  key: ['EntityType', 'Entity', 'Feed', 'Indicator'],
  columns: [
    { name: 'Entity', type: 'string', doc: 'The address, domain or IP as stored in MessageTrace' },
    { name: 'EntityType', type: 'string', doc: 'sender, senderDomain, fromIP, recipient' },
    { name: 'Indicator', type: 'string', doc: 'The indicator that matched (a parent domain or a CIDR may match a more specific entity)' },
    { name: 'IndicatorType', type: 'string', doc: 'email, domain, ip, cidr' },
    { name: 'Confidence', type: 'long' },
    { name: 'Band', type: 'string', doc: 'high, medium, low' },
    { name: 'Actor', type: 'string', doc: "'Unassigned' when the feed names none" },
    { name: 'Feed', type: 'string' },
    { name: 'Labels', type: 'dynamic' },
    { name: 'FirstSeen', type: 'datetime' },
    { name: 'LastSeen', type: 'datetime' },
    { name: 'Messages', type: 'long', doc: 'Distinct messages with the entity' },
  ],
};

/** Every queryable table, by name. */
export const TABLES: Readonly<Record<string, TableDef>> = { MessageTrace, MessageEvents, Indicators, Findings, Watchlist, IntelMatches };
