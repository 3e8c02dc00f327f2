import { describe, expect, it } from 'vitest';
import { keptColumns } from './kept-rows.js';
import { keywordSubjectsKql } from './panel-runner.js';

describe('the columns a dashboard reads from kept rows', () => {
  it('are those its queries name, with the ones given, in the table order', () => {
    const queries = [
      'MessageTrace | where SenderAddress == "a@contoso.com" | summarize Count = count() by Status',
      keywordSubjectsKql('MessageTrace | where SenderAddress == "a@contoso.com"', 'list'),
      'MessageTrace | where isnotnull(MessageTraceId) | summarize Received = min(Received) by MessageTraceId | count',
    ];
    for (const dialect of ['duckdb', 'clickhouse'] as const)
      expect(keptColumns(queries, dialect, ['Received'])).toEqual(['Received', 'SenderAddress', 'Subject', 'Status', 'MessageTraceId']);
  });

  it('add nothing for a query of another table, a mistake, or every column', () => {
    expect(keptColumns(['Indicators | count', 'MessageTrace | where Nope == 1', 'MessageTrace | take 5'], 'duckdb', ['Received'])).toEqual([
      'Received',
    ]);
  });
});
