import { describe, expect, it } from 'vitest';
import { compileKql } from '../index.js';

const NOW = Date.UTC(2026, 10, 1);
const ch = (kql: string, timeRange?: { from?: number; to?: number }) =>
  compileKql(kql, { dialect: 'clickhouse', now: NOW, ...(timeRange ? { timeRange } : {}) }).sql.replace(
    /SELECT `(Received|Timestamp|Indicator)`, .*?, _version FROM/g,
    'SELECT * FROM',
  );

describe('filters inside the FINAL subquery (ClickHouse)', () => {
  it('moves a time range and filters on the sorting key inside, and leaves every other filter after FINAL', () => {
    expect(ch('MessageTrace | where Received > ago(1d) and Status == "Pending" and MessageTraceId in ("a", "b") | count')).toBe(
      "SELECT count() AS `Count` FROM (SELECT * FROM `MessageTrace` FINAL WHERE (`Received` > toInt64(1793404800000000)) AND (`MessageTraceId` IN ('a', 'b'))) WHERE (`Status` = 'Pending')",
    );
    expect(ch('MessageTrace | count', { from: NOW - 86_400_000, to: NOW })).toBe(
      'SELECT count() AS `Count` FROM (SELECT * FROM `MessageTrace` FINAL WHERE `Received` >= toInt64(1793404800000000) AND `Received` < toInt64(1793491200000000))',
    );
    expect(ch('MessageEvents | where Timestamp between (datetime(2026-10-01) .. 1d) | count')).toContain(
      'FROM `MessageEvents` FINAL WHERE (`Timestamp` BETWEEN',
    );
    expect(ch('let since = ago(2h); MessageTrace | extend x = 1 | where Received >= since | count')).toContain(
      'FINAL WHERE (`Received` >= toInt64(1793484000000000)))',
    );
  });

  it('keeps after FINAL what is not exact before it', () => {
    // A filter that reads a column versions may change, as a whole (`or`) or inside a function of both.
    expect(ch('MessageTrace | where Received > ago(1d) or Status == "Pending" | count')).toContain('FROM `MessageTrace` FINAL) WHERE');
    expect(ch('MessageTrace | where strcat(MessageTraceId, Status) == "x" | count')).toContain('FINAL) WHERE');
    // A computed column of the same name is another value; a summarized or limited table is filtered after.
    expect(ch('MessageTrace | extend Received = Received + 1d | where Received > ago(1d) | count')).toContain('FINAL) WHERE');
    expect(ch('MessageTrace | take 5 | where Received > ago(1d)')).toContain('FINAL) LIMIT 5');
    // A tabular `in` reads a subquery; tables without versions of rows keep every filter in the WHERE.
    expect(ch('let T = MessageTrace | project MessageTraceId; MessageTrace | where MessageTraceId in (T) | count')).toMatch(
      /FROM `MessageTrace` FINAL\) WHERE `MessageTraceId` GLOBAL IN/,
    );
    expect(ch('Indicators | where Feed == "f" | count')).toBe(
      "SELECT count() AS `Count` FROM (SELECT * FROM `Indicators` FINAL WHERE _deleted = 0) WHERE `Feed` = 'f'",
    );
  });

  it('leaves DuckDB SQL as it was: one table, one WHERE', () => {
    const sql = compileKql('MessageTrace | where Received > ago(1d) and Status == "Pending" | count', { dialect: 'duckdb', now: NOW }).sql;
    expect(sql).toBe(
      `SELECT count(*) AS "Count" FROM "MessageTrace" WHERE ("Received" > TIMESTAMP '2026-10-31 00:00:00.000') AND ("Status" = $1)`,
    );
  });
});
