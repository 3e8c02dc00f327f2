// The series functions refuse what they cannot answer as Kusto does, by name, instead of answering something else.
import { describe, expect, it } from 'vitest';
import { compileKql, KqlError } from '../index.js';

const S = 'print s = dynamic([1, 2, 3, 40, 5, 6])';

function fail(kql: string): KqlError {
  try {
    compileKql(kql, { dialect: 'clickhouse' });
  } catch (e) {
    if (e instanceof KqlError) return e;
    throw e;
  }
  throw new Error(`no error for: ${kql}`);
}

describe('series functions', () => {
  it.each([
    [`${S} | extend series_decompose_anomalies(s)`, 'unsupported', 'seasonality -1 (detect the period, the default) is not supported yet'],
    [`${S} | extend series_decompose(s, -1, "linefit")`, 'unsupported', 'give the period in bins'],
    [`${S} | extend series_decompose(s, 2, "quadratic")`, 'invalid-argument', 'is "avg", "linefit" or "none"'],
    [`${S} | extend series_decompose_anomalies(s, 1.5, 3, "avg", 0, "zscore")`, 'invalid-argument', 'knows the kinds "tukey" and "ctukey"'],
    [`${S} | extend x = series_stats(s)`, 'invalid-argument', 'name them as (x, ...) = series_stats(...)'],
    [`${S} | extend x = tostring(series_stats(s))`, 'invalid-argument', 'series_stats() gives several columns'],
    [`${S} | extend (a, b, c, d, e, f, g, h) = series_stats(s)`, 'invalid-argument', 'gives 7 columns, not 8'],
    [`${S} | extend (a, b) = strlen("x")`, 'invalid-argument', 'names the columns of a function that gives several'],
    [`${S} | extend series_fir(s, s)`, 'invalid-argument', 'must be a constant array of numbers'],
    [`${S} | extend series_outliers(s, "ctukey", 0, 1, 99)`, 'invalid-argument', 'must lie in [2, 98]'],
  ])('%s', (kql, code, message) => {
    const e = fail(kql);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it('names the columns of a bare call as Kusto does, and the named ones only', () => {
    const bare = compileKql(`${S} | extend series_decompose(s, 2)`, { dialect: 'duckdb' });
    expect(bare.columns.map((c) => c.name)).toEqual([
      's',
      'series_decompose_s_baseline',
      'series_decompose_s_seasonal',
      'series_decompose_s_trend',
      'series_decompose_s_residual',
    ]);
    const named = compileKql(`${S} | project (Flag, Score) = series_decompose_anomalies(s, 2.5, 0)`, { dialect: 'clickhouse' });
    expect(named.columns).toEqual([
      { name: 'Flag', type: 'dynamic' },
      { name: 'Score', type: 'dynamic' },
    ]);
  });

  it('normalizing a filter with a negative coefficient gives null, as Kusto documents', () => {
    expect(compileKql(`${S} | project f = series_fir(s, dynamic([1, -1]), true)`, { dialect: 'duckdb' }).sql).toContain(
      'CAST(NULL AS JSON)',
    );
  });
});
