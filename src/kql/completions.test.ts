// Completion lists and the plain-English explanation come from the same definitions the compiler uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKql, explainKql, kqlCompletions } from './index.js';

describe('kqlCompletions', () => {
  it('lists tables with columns, operators, functions and aggregates that all compile', () => {
    const c = kqlCompletions();
    expect(c.tables.map((t) => t.name)).toEqual(['MessageTrace', 'MessageEvents', 'Indicators', 'Findings', 'Watchlist', 'IntelMatches']);
    expect(c.tables[0]!.columns[0]).toMatchObject({ name: 'Received', type: 'datetime' });
    expect(c.operators).toContain('mv-expand');
    expect(c.functions).toEqual(expect.arrayContaining(['ago', 'bin', 'ipv4_is_in_range', 'format_datetime']));
    expect(c.aggregates).toEqual(expect.arrayContaining(['count', 'dcount', 'arg_max', 'percentiles']));
    for (const t of c.tables) expect(() => compileKql(`${t.name} | take 1`, { dialect: 'duckdb' })).not.toThrow();
  });
});

describe('explainKql', () => {
  it('explains each step', () => {
    expect(explainKql('MessageTrace | where Size > 1000 | summarize n = count() by SenderAddress | top 5 by n')).toBe(
      'Take rows of MessageTrace. Keep rows where Size > 1000. Compute n for each SenderAddress. Keep the top 5 rows by n descending.',
    );
  });
});

describe('docs/kql.md', () => {
  it('documents every function and aggregate the engine knows', () => {
    const doc = readFileSync(new URL('../../docs/kql.md', import.meta.url), 'utf8');
    const c = kqlCompletions();
    expect([...c.functions, ...c.aggregates].filter((n) => !doc.includes(`\`${n}`))).toEqual([]);
    const mentioned = (n: string): boolean => new RegExp(`(^|[^\\w-])${n}([^\\w-]|$)`, 'm').test(doc);
    expect(c.operators.filter((n) => !mentioned(n))).toEqual([]);
  });
});
