// User mistakes become one-line KqlErrors with a stable code, a 1-based line and column, and a suggestion.
import { describe, expect, it } from 'vitest';
import { compileKql, KqlError } from './index.js';

function fail(kql: string): KqlError {
  try {
    compileKql(kql, { dialect: 'duckdb' });
  } catch (e) {
    if (e instanceof KqlError) return e;
    throw e;
  }
  throw new Error(`no error for: ${kql}`);
}

describe('KqlError', () => {
  it.each([
    [
      'MessageTrace | project Received, SenderAdress',
      'unknown-column',
      1,
      34,
      "line 1, column 34: unknown column 'SenderAdress' — did you mean SenderAddress?",
    ],
    ['MesageTrace | take 1', 'unknown-table', 1, 1, "line 1, column 1: unknown table 'MesageTrace' — did you mean MessageTrace?"],
    [
      'MessageTrace\n| where Subject has "x"\n| summarize cuont() by Status',
      'unknown-function',
      3,
      13,
      "line 3, column 13: unknown function 'cuont' — did you mean count?",
    ],
    [
      'MessageTrace | where tolowr(Subject) == "x"',
      'unknown-function',
      1,
      22,
      "line 1, column 22: unknown function 'tolowr' — did you mean tolower?",
    ],
    ['MessageTrace | where Size > "big"', 'type-mismatch', 1, 27, "line 1, column 27: cannot compare long with string using '>'"],
    ['MessageTrace | where Size', 'type-mismatch', 1, 22, 'line 1, column 22: expected a bool predicate but the expression is long'],
    ['MessageTrace | summarize sum(Subject)', 'type-mismatch', 1, 30, 'line 1, column 30: sum() needs a number, not string'],
    ['MessageTrace | top-hitters 5 of Subject', 'unsupported', 1, 16, 'line 1, column 16: `top-hitters` is not supported yet'],
    ['Indicators | mv-expand kind=pairs Labels', 'syntax', 1, 24, "line 1, column 24: mv-expand kind is bag or array, not 'pairs'"],
    ['MessageTrace | summarise count()', 'syntax', 1, 16, "line 1, column 16: unknown operator 'summarise' — did you mean summarize?"],
    [
      'MessageTrace | where Status = "Failed"',
      'syntax',
      1,
      29,
      "line 1, column 29: use == to compare ('=' names a column in extend and project)",
    ],
    ['MessageTrace | where Subject ==', 'syntax', 1, 32, 'line 1, column 32: expected an expression but found the end of the query'],
    ['MessageTrace\n  | where Subject == "unterminated', 'syntax', 2, 22, 'line 2, column 22: unterminated string literal'],
    [
      'MessageTrace | join kind=outer (MessageEvents) on MessageTraceId',
      'syntax',
      1,
      26,
      "line 1, column 26: unsupported join kind 'outer' (use inner, innerunique, leftouter, leftanti, leftsemi, rightouter, rightanti, rightsemi or fullouter)",
    ],
    [
      'MessageTrace | where Received > ago(1y)',
      'syntax',
      1,
      38,
      "line 1, column 38: unknown timespan unit 'y' (use d, h, m, s, ms, microsecond, tick)",
    ],
    ['MessageTrace | extend x = count()', 'unsupported', 1, 27, 'line 1, column 27: the aggregate count() is only allowed in summarize'],
    ['MessageTrace | render timechart | take 1', 'unsupported', 1, 16, 'line 1, column 16: render must be the last operator'],
    ['MessageTrace | where Subject has Status', 'unsupported', 1, 30, "line 1, column 30: 'has' needs a constant string on its right"],
  ])('%s', (kql, code, line, column, message) => {
    const e = fail(kql);
    expect({ code: e.code, line: e.line, column: e.column, message: e.message }).toEqual({ code, line, column, message });
    expect(e.message).not.toContain('\n');
  });
});
