import { describe, expect, it } from 'vitest';
import { kqlCompletionsAt } from './index.js';

const at = (text: string) => kqlCompletionsAt(text, text.length);

describe('kqlCompletionsAt', () => {
  it('offers the columns of the query table first in a where', () => {
    const c = at('MessageTrace | where Sta');
    expect(c.from).toBe('MessageTrace | where '.length);
    expect(c.suggestions[0]).toEqual({ label: 'Status', kind: 'column', detail: 'string · MessageTrace' });
    expect(c.suggestions.map((s) => s.label)).toContain('startofday');
    expect(c.suggestions.findIndex((s) => s.kind !== 'column')).toBeGreaterThan(0);
  });

  it('offers the known values of Status and Direction', () => {
    expect(at('MessageTrace | where Status == "Qu').suggestions.map((s) => s.label)).toEqual(['Quarantined']);
    expect(at('MessageTrace | where Status == ').suggestions.map((s) => s.label)).toContain('"FilteredAsSpam"');
    expect(at('MessageTrace | where Direction in ("Inbound", "Out').suggestions.map((s) => s.label)).toEqual(['Outbound']);
  });

  it('offers operators after a pipe, tables at the start and aggregates first in summarize', () => {
    expect(at('MessageTrace | su').suggestions.map((s) => s.label)).toEqual(['summarize']);
    expect(at('Mess').suggestions.map((s) => s.label)).toEqual(['MessageTrace', 'MessageEvents']);
    expect(at('MessageTrace | summarize c').suggestions[0]).toMatchObject({ kind: 'aggregate', label: 'count' });
  });

  it('never suggests datetime_diff for datetime_add, and knows names that are JavaScript properties are not tables', () => {
    expect(at('print x = datetime_a').suggestions.map((s) => s.label)).toEqual(['datetime_add']);
    expect(at('constructor | where x').suggestions.filter((s) => s.kind === 'column')).toEqual([]);
  });
});
