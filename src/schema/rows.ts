/** Row shapes produced by the parsers and consumed by the stores. Times are milliseconds since the epoch (UTC). */
import type { Status } from './status.js';

/** A MessageTrace row as a parser produces it, before enrichment. */
export interface TraceRecord {
  Received: number;
  SenderAddress: string;
  RecipientAddress: string;
  Subject: string;
  Status: Status;
  FromIP: string;
  ToIP: string;
  Size: number;
  MessageId: string;
  MessageTraceId: string;
  Organization: string;
  Source: string;
}

/** Columns added by enrichment at ingest. */
export interface TraceEnrichment {
  SenderDomain: string;
  RecipientDomain: string;
  Direction: '' | 'Inbound' | 'Outbound' | 'Internal' | 'External';
  FromCountry: string;
  ToCountry: string;
  FromAsn: number;
  ToAsn: number;
  FromAsOrg: string;
  ToAsOrg: string;
}

/** A complete MessageTrace row as stored. */
export type TraceRow = TraceRecord & TraceEnrichment;

/** A MessageEvents row. */
export interface EventRow {
  Timestamp: number;
  MessageTraceId: string;
  MessageId: string;
  SenderAddress: string;
  RecipientAddress: string;
  Event: string;
  Source: string;
  Detail: string;
  ClientIP: string;
  ServerHostname: string;
}

/** An Indicators row. */
export interface IndicatorRow {
  Indicator: string;
  Type: 'email' | 'domain' | 'ip' | 'cidr';
  Confidence: number;
  Actor: string;
  Labels: string[];
  Feed: string;
  ValidFrom: number | null;
  ValidUntil: number | null;
}

/** A Watchlist row. */
export interface WatchlistRow {
  Timestamp: number;
  User: string;
  Product: string;
  Detection: string;
  Severity: string;
  Name: string;
}

/** An IntelMatches row. */
export interface IntelMatchRow {
  Entity: string;
  EntityType: string;
  Indicator: string;
  IndicatorType: string;
  Confidence: number;
  Band: string;
  Actor: string;
  Feed: string;
  Labels: string[];
  FirstSeen: number | null;
  LastSeen: number | null;
  Messages: number;
}
