/** Versioned schema migrations of the DuckDB store; each runs once, in order, inside a transaction. */
import {
  Findings,
  Indicators,
  IntelMatches,
  MessageEvents,
  MessageTrace,
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  TRACE_AGGREGATES,
  Watchlist,
} from '../../schema/index.js';
import { rebuildHeavyDailySql, rebuildHeavyHourlySql } from './aggregates-heavy-sql.js';
import { createAggregateSql, rebuildAggregatesSql } from './aggregates-sql.js';
import { CREATE_MESSAGES_SQL, rebuildMessagesSql } from './aggregates-messages-sql.js';
import { CREATE_MESSAGE_STATES_SQL, rebuildMessageStatesSql } from './aggregates-message-states-sql.js';
import { createTableSql, quoteIdent } from './ddl.js';
import { rewriteInTimeOrderSql } from './summary-order.js';
import { ALERT_DEFINITIONS_DDL } from './alert-definitions-sql.js';
import { DOCUMENTS_DDL } from './documents-sql.js';
import { FINDING_ACTIVITY_DDL } from './finding-activity-sql.js';
import { FINDING_HISTORY_DDL } from './findings-sql.js';

/** The domains, senders and subjects tables, given the countries of the mail by migration 16. */
const COUNTRIED_IN_16 = [
  'MessageTraceHourlyDomains',
  'MessageTraceHourlySubjects',
  'MessageTraceHourlySenders',
  'MessageTraceDailyDomains',
  'MessageTraceDailySubjects',
  'MessageTraceDailySenders',
];

/**
 * The summary tables each migration added (named: a table added later must not change a migration that shipped). A
 * store migrated from before 7 counts the domains, senders and subjects tables with their countries there, and again
 * in 16.
 */
const aggregates = (...names: string[]) => TRACE_AGGREGATES.filter((d) => names.includes(d.name));
const FIRST_AGGREGATES = aggregates('MessageTraceHourly', 'MessageTraceHourlyDomains');
const LATER_AGGREGATES = aggregates('MessageTraceHourlySubjects', 'MessageTraceHourlySenders');
const DAILY_AGGREGATES = aggregates('MessageTraceDailyDomains', 'MessageTraceDailySubjects', 'MessageTraceDailySenders');
const COUNTRY_AGGREGATES = aggregates('MessageTraceHourlyCountries');

/** The heavy table migration 18 added. */
const HEAVY_BY_COUNTRY_18 = HEAVY_AGGREGATES.filter((d) => d.name === 'MessageTraceDailyHeavySendersByCountry');

/** The summary tables as migration 15 found them, each rewritten in time order (see summary-order.ts). */
const SORTED_IN_15 = [
  'MessageTraceHourly',
  'MessageTraceHourlyCountries',
  ...COUNTRIED_IN_16,
  'MessageTraceDailyHeavySenders',
  'MessageTraceDailyHeavySenderDomains',
  'MessageTraceHourlyHeavySenders',
  'MessageTraceHourlyMessages',
  'MessageTraceHourlyMessageStates',
];

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

/** Append new migrations at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tables of the event model and the state table',
    statements: [
      createTableSql(MessageTrace),
      createTableSql(MessageEvents),
      createTableSql(Indicators),
      createTableSql(Findings),
      createTableSql(Watchlist),
      `CREATE TABLE IF NOT EXISTS _state (key VARCHAR PRIMARY KEY, value JSON, updated_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    version: 2,
    description: 'IntelMatches: what the threat-intel feeds match, for KQL',
    statements: [createTableSql(IntelMatches)],
  },
  {
    version: 3,
    description: 'the triage history of findings',
    statements: [FINDING_HISTORY_DDL],
  },
  {
    version: 4,
    description: 'alert rules and destinations made in the web app',
    statements: [ALERT_DEFINITIONS_DDL],
  },
  {
    version: 5,
    description: 'saved searches and dashboards made in the app',
    statements: [DOCUMENTS_DDL],
  },
  {
    version: 6,
    description: "findings' activity: assignments and notes",
    statements: [FINDING_ACTIVITY_DDL],
  },
  {
    version: 7,
    description: 'summary tables of MessageTrace per hour, counted from the rows already stored',
    statements: [...FIRST_AGGREGATES.map(createAggregateSql), ...rebuildAggregatesSql(FIRST_AGGREGATES)],
  },
  {
    version: 8,
    description: 'summary of distinct messages per hour, counted from the rows already stored',
    statements: [CREATE_MESSAGES_SQL, ...rebuildMessagesSql()],
  },
  {
    version: 9,
    description: 'summary tables per sender and per subject, counted from the rows already stored',
    statements: [...LATER_AGGREGATES.map(createAggregateSql), ...rebuildAggregatesSql(LATER_AGGREGATES)],
  },
  {
    version: 10,
    description: 'daily summary tables per domain pair, subject and sender, summed from the hourly ones',
    statements: [...DAILY_AGGREGATES.map(createAggregateSql), ...rebuildAggregatesSql(DAILY_AGGREGATES)],
  },
  {
    version: 11,
    description: 'summary of distinct messages per hour and status, counted from the rows already stored',
    statements: [CREATE_MESSAGE_STATES_SQL, ...rebuildMessageStatesSql()],
  },
  {
    version: 12,
    description: 'summary table per country pair, counted from the rows already stored',
    statements: [...COUNTRY_AGGREGATES.map(createAggregateSql), ...rebuildAggregatesSql(COUNTRY_AGGREGATES)],
  },
  {
    version: 13,
    description: 'the senders and sender domains of 50 messages or more on some day, with all their rows, from the daily tables',
    statements: [...HEAVY_AGGREGATES.map(createAggregateSql), ...rebuildHeavyDailySql()],
  },
  {
    version: 14,
    description: 'the hourly rows of the heavy senders, from the hourly senders table',
    statements: [...HEAVY_HOURLY_AGGREGATES.map(createAggregateSql), ...rebuildHeavyHourlySql()],
  },
  {
    version: 15,
    description: 'the summary tables written again in time order, so that a read of a few hours skips the rest',
    statements: SORTED_IN_15.flatMap(rewriteInTimeOrderSql),
  },
  {
    version: 16,
    description:
      'the domains, senders and subjects tables with the countries of the mail, counted again (hourly from the rows, daily from the hourly)',
    statements: [
      ...COUNTRIED_IN_16.map((name) => `DROP TABLE IF EXISTS ${quoteIdent(name)}`),
      ...aggregates(...COUNTRIED_IN_16).map(createAggregateSql),
      ...rebuildAggregatesSql(aggregates(...COUNTRIED_IN_16)),
    ],
  },
  {
    version: 17,
    description: 'the summary of distinct messages per hour and state with the countries of the mail, counted again from the rows',
    statements: [
      `DROP TABLE IF EXISTS ${quoteIdent('MessageTraceHourlyMessageStates')}`,
      CREATE_MESSAGE_STATES_SQL,
      ...rebuildMessageStatesSql(),
    ],
  },
  {
    version: 18,
    description: 'the heavy senders with the countries of their mail, from the daily senders table',
    statements: [...HEAVY_BY_COUNTRY_18.map(createAggregateSql), ...rebuildHeavyDailySql(HEAVY_BY_COUNTRY_18)],
  },
];
