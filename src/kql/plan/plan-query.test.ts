import { describe, expect, it } from 'vitest';
import { compileKql } from '../compile-kql.js';

const H = 3_600_000;
const from = Date.UTC(2026, 10, 1, 10, 17);
const plan = (kql: string, timeRange?: { from?: number; to?: number }, dialect: 'duckdb' | 'clickhouse' = 'duckdb') =>
  compileKql(kql, { dialect, aggregates: true, ...(timeRange ? { timeRange } : {}) }).plan;

describe('the planner', () => {
  it('answers the Overview shapes from the smallest summary table that has their columns', () => {
    expect(plan('MessageTrace | where Status == "Delivered" | count')?.source).toBe('MessageTraceHourly');
    expect(plan('MessageTrace | summarize Count = count() by Time = bin(Received, 1d), Status | sort by Time asc')?.source).toBe(
      'MessageTraceHourly',
    );
    expect(plan('MessageTrace | summarize Bytes = sum(Size) by bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z))')?.source).toBe(
      'MessageTraceHourly',
    );
    expect(plan('MessageTrace | summarize Count = count() by SenderDomain | top 10 by Count')?.source).toBe('MessageTraceDailyDomains');
    expect(plan('MessageTrace | summarize Count = count() by bin(Received, 1h), SenderDomain')?.source).toBe('MessageTraceHourlyDomains');
    expect(plan('MessageTrace | where RecipientDomain endswith_cs "contoso.com" | summarize countif(Status == "Failed")')?.source).toBe(
      'MessageTraceDailyDomains',
    );
    expect(plan('MessageTrace | summarize count() by Status', { from, to: from + 7 * 24 * H }, 'clickhouse')?.source).toBe(
      'MessageTraceHourly',
    );
    // The maps, the embargoed-countries stat and the Overview's panels under a country chip.
    const countries = [
      'MessageTrace | where FromCountry != "" | summarize Count = count() by FromCountry',
      'MessageTrace | where Status == "Failed" and FromCountry != "" | summarize Count = count() by FromCountry',
      'MessageTrace | where FromCountry in ("KP", "IR") or ToCountry in ("KP", "IR") | count',
      'MessageTrace | where FromCountry == "US" or ToCountry == "US" | summarize Bytes = sum(Size) by Time = bin(Received, 1d)',
    ];
    for (const dialect of ['duckdb', 'clickhouse'] as const)
      for (const kql of countries)
        expect(plan(kql, { from, to: from + 7 * 24 * H }, dialect)?.source, kql).toBe('MessageTraceHourlyCountries');
    // A country with a sender, a sender domain or a subject: those tables keep the countries too.
    expect(plan('MessageTrace | where FromCountry == "US" | summarize count() by SenderAddress')?.source).toBe('MessageTraceDailySenders');
    expect(plan('MessageTrace | where FromCountry == "US" or ToCountry == "US" | summarize Count = count() by SenderDomain')?.source).toBe(
      'MessageTraceDailyDomains',
    );
    expect(plan('MessageTrace | where FromCountry == "US" | summarize count() by Subject')?.source).toBe('MessageTraceDailySubjects');
    // A country with a column no table keeps with it: the rows.
    expect(plan('MessageTrace | where FromCountry == "US" | summarize count() by RecipientAddress')?.source).toBe('rows');
    // The per-sender pivot, subject keywords, and a stat under a sender chip.
    const pivot =
      'MessageTrace | summarize Delivered = countif(Status == "Delivered"), TotalCount = count() by Sender = SenderAddress | top 10 by TotalCount';
    const subjects = 'MessageTrace | summarize Count = count() by Subject | top 20000 by Count';
    const chip = 'MessageTrace | where SenderAddress == "a@contoso.com" | where Status == "Delivered" | count';
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      expect(plan(pivot, undefined, dialect)?.source).toBe('MessageTraceDailySenders');
      expect(plan(subjects, undefined, dialect)?.source).toBe('MessageTraceDailySubjects');
      expect(plan(chip, undefined, dialect)?.source).toBe('MessageTraceHourlySenders');
    }
  });

  it('reads a top N by a count per sender from the heavy senders, with the daily senders as its fallback', () => {
    const range = { from, to: from + 7 * 24 * H };
    const pivot =
      'MessageTrace | summarize Delivered = countif(Status == "Delivered"), TotalCount = count() by Sender = SenderAddress | top 10 by TotalCount';
    const c = compileKql(pivot, { dialect: 'duckdb', aggregates: true, timeRange: range });
    expect(c.plan?.source).toBe('MessageTraceDailyHeavySenders');
    expect(c.plan?.reason).toBe(
      'whole days 2026-11-02T00:00:00.000Z to 2026-11-08T00:00:00.000Z from MessageTraceDailyHeavySenders; the whole hours around them from MessageTraceHourlyHeavySenders; the partial hours at the ends from the rows, if TotalCount in its row 10 passes 392 (else whole days from MessageTraceDailySenders)',
    );
    // 8 days touched, at most 49 rows each for a sender not held: the 10th must pass 392, in its column.
    expect(c.fallback).toMatchObject({ rows: 10, column: 2, above: 392 });
    expect(c.fallback?.query.plan?.source).toBe('MessageTraceDailySenders');
    // Not a count, more than one key or no range: the daily senders alone.
    for (const kql of [
      'MessageTrace | summarize Bytes = sum(Size) by SenderAddress | top 10 by Bytes',
      'MessageTrace | summarize Count = count() by SenderAddress, Status | top 10 by Count',
      'MessageTrace | summarize Count = count() by SenderAddress | top 10 by Count asc',
      'MessageTrace | summarize Count = count() by SenderAddress | top 10 by Count | project SenderAddress',
    ])
      expect(plan(kql, range)?.source, kql).toBe('MessageTraceDailySenders');
    expect(plan(pivot)?.source).toBe('MessageTraceDailySenders');
    // ClickHouse keeps the heavy tables too.
    expect(plan(pivot, range, 'clickhouse')?.source).toBe('MessageTraceDailyHeavySenders');
  });

  it('reads the whole days of a query without time keys from a daily table, the hours around them hourly', () => {
    const kql = 'MessageTrace | summarize Count = count() by Subject | top 10 by Count';
    const p = plan(kql, { from, to: from + 7 * 24 * H });
    expect(p?.source).toBe('MessageTraceDailySubjects');
    expect(p?.reason).toBe(
      'whole days 2026-11-02T00:00:00.000Z to 2026-11-08T00:00:00.000Z from MessageTraceDailySubjects; the whole hours around them from MessageTraceHourlySubjects; the partial hours at the ends from the rows',
    );
    // No whole day in the range: hours; a time key: hours.
    expect(plan(kql, { from, to: from + 20 * H })?.source).toBe('MessageTraceHourlySubjects');
    expect(plan('MessageTrace | summarize count() by bin(Received, 1d), Subject', { from, to: from + 7 * 24 * H })?.source).toBe(
      'MessageTraceHourlySubjects',
    );
    // A filter on a status, direction or domain keeps the daily table; one on a sender (few rows) reads hours.
    expect(
      plan(`MessageTrace | where Status in ("Delivered", "Failed") | summarize count() by SenderAddress`, { from, to: from + 7 * 24 * H })
        ?.source,
    ).toBe('MessageTraceDailySenders');
    expect(
      plan(`MessageTrace | where SenderAddress == "a@contoso.com" | summarize count() by Subject`, { from, to: from + 7 * 24 * H })?.source,
    ).toBe('rows');
    expect(
      plan(`MessageTrace | where SenderDomain == "contoso.com" | summarize count() by Status`, { from, to: from + 7 * 24 * H })?.source,
    ).toBe('MessageTraceDailyDomains');
    // aggregates: 'hourly' (MAILSIFT_AGGREGATES=hourly) leaves the daily tables out.
    expect(compileKql(kql, { dialect: 'duckdb', aggregates: 'hourly', timeRange: { from, to: from + 7 * 24 * H } }).plan?.source).toBe(
      'MessageTraceHourlySubjects',
    );
    const open = compileKql(kql, { dialect: 'duckdb', aggregates: true });
    expect(open.plan?.reason).toBe('whole days the first day to the last day from MessageTraceDailySubjects');
    expect(open.sql).not.toContain('Hourly');
  });

  it('reads whole hours from the summary and the partial end hours from the rows', () => {
    const p = plan('MessageTrace | count', { from, to: from + 7 * 24 * H });
    expect(p?.reason).toBe(
      'whole hours 2026-11-01T11:00:00.000Z to 2026-11-08T10:00:00.000Z from MessageTraceHourly; the partial hours at the ends from the rows',
    );
    const aligned = compileKql('MessageTrace | count', { dialect: 'duckdb', aggregates: true, timeRange: { from: from - 17 * 60_000 } });
    expect(aligned.plan?.reason).not.toContain('partial');
    expect(aligned.sql).not.toContain('"MessageTrace"');
  });

  it('answers distinct messages from the distinct-messages summary on both engines alike', () => {
    const range = { from, to: from + 7 * 24 * H };
    const first = 'MessageTrace | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId';
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      for (const kql of [
        'MessageTrace | summarize Messages = dcount(MessageTraceId)',
        'MessageTrace | summarize dcount(MessageTraceId) by bin(Received, 1d)',
        `${first} | summarize Messages = count() by Time = bin_at(Received, 1d, datetime(2026-11-01T15:00:00Z))`,
        `${first} | count`,
      ]) {
        expect(plan(kql, range, dialect)?.source, `${dialect}: ${kql}`).toBe('MessageTraceHourlyMessages');
        expect(plan(kql, range, dialect)?.reason).toBe(
          'whole hours 2026-11-01T11:00:00.000Z to 2026-11-08T10:00:00.000Z from MessageTraceHourlyMessages; the partial hours at the ends from the rows',
        );
      }
      // Under a filter on Status and Direction: the distinct-messages-by-state summary.
      for (const kql of [
        'MessageTrace | where Status == "Delivered" | summarize dcount(MessageTraceId)',
        `MessageTrace | where Status in ("Delivered", "Failed") and Direction != "Inbound" | ${first.slice('MessageTrace | '.length)} | summarize count() by bin(Received, 1h)`,
      ])
        expect(plan(kql, range, dialect)?.reason, `${dialect}: ${kql}`).toBe(
          'whole hours 2026-11-01T11:00:00.000Z to 2026-11-08T10:00:00.000Z from MessageTraceHourlyMessageStates; the partial hours at the ends from the rows',
        );
      // A filter on another column, another aggregate beside it, a bin under an hour, a count per message: the rows.
      expect(plan('MessageTrace | where SenderAddress == "a@b.c" | summarize dcount(MessageTraceId)', range, dialect)?.reason).toMatch(
        /dcount/,
      );
      expect(plan('MessageTrace | summarize dcount(MessageTraceId), count()', range, dialect)?.reason).toMatch(/dcount/);
      expect(plan(`${first} | summarize count() by bin(Received, 5m)`, range, dialect)?.source).toBe('rows');
      expect(plan('MessageTrace | summarize Received = min(Received) by SenderAddress | count', range, dialect)?.source).toBe('rows');
      expect(plan('MessageTrace | summarize dcount(MessageTraceId)', { from, to: from + 30 * 60_000 }, dialect)?.reason).toMatch(
        /no whole hour/,
      );
    }
  });

  it('reads the rows when the summaries cannot give the same answer, and says why', () => {
    const rows = (kql: string, range?: { from?: number; to?: number }) => {
      const p = plan(kql, range);
      expect(p?.source, kql).toBe('rows');
      return p?.reason;
    };
    expect(rows('MessageTrace | summarize dcount(RecipientAddress)')).toMatch(/dcount/);
    expect(rows('MessageTrace | where RecipientAddress == "a@contoso.com" | count')).toMatch(/where reads a column/);
    expect(rows('MessageTrace | summarize count() by RecipientAddress')).toMatch(/groups by a column/);
    expect(rows('MessageTrace | summarize count() by SenderAddress, SenderDomain')).toMatch(/no summary table keeps all the columns/);
    expect(rows('MessageTrace | summarize avg(Size)')).toMatch(/avg/);
    expect(rows('MessageTrace | where Received > ago(1d) | count')).toMatch(/where reads a column/);
    expect(rows('MessageTrace | summarize count() by bin(Received, 5m)')).toMatch(/groups by a column/);
    expect(rows('MessageTrace | summarize count() by bin_at(Received, 1h, datetime(2026-11-01T00:30:00Z))')).toMatch(/groups by/);
    expect(rows('MessageTrace | take 10 | count')).toMatch(/take comes before summarize/);
    expect(rows('let x = 1; MessageTrace | count')).toMatch(/let/);
    expect(rows('MessageEvents | count')).toMatch(/does not read MessageTrace/);
    expect(rows('MessageTrace | count', { from, to: from + 30 * 60_000 })).toMatch(/no whole hour/);
  });

  it('leaves compileKql as it was without the option', () => {
    const c = compileKql('MessageTrace | count', { dialect: 'duckdb' });
    expect(c.plan).toBeUndefined();
    expect(c.sql).toBe('SELECT count(*) AS "Count" FROM "MessageTrace"');
  });
});
