import { describe, expect, it } from 'vitest';
import { compileKql } from '../../kql/index.js';
import { applyFilters, filterClauses, kqlString } from './filter-kql.js';

describe('filter chips as KQL', () => {
  it('quotes any text so the compiler reads back exactly that value as one literal', () => {
    for (const value of [
      'plain',
      'a"b',
      'back\\slash"',
      '" or 1 == 1 or "',
      'line\nbreak\r\ttab',
      '\u202eevil',
      'nul\u0000',
      '請求書',
      '\u2028',
    ]) {
      const compiled = compileKql(`MessageTrace | where SenderAddress == ${kqlString(value)} | count`, { dialect: 'duckdb' });
      expect(compiled.params).toContain(value);
      if (value.length > 3) expect(compiled.sql).not.toContain(value);
    }
  });

  it('ORs values of one filter, ANDs filters, and normalises case as stored', () => {
    expect(
      filterClauses({ status: ['Delivered', 'Failed'], sender: ['Alice@Contoso.COM'], country: ['jp'], domain: ['contoso.com'] }),
    ).toEqual([
      'where Status in ("Delivered", "Failed")',
      'where SenderAddress == "alice@contoso.com"',
      'where SenderDomain == "contoso.com" or RecipientDomain == "contoso.com"',
      'where FromCountry == "JP" or ToCountry == "JP"',
    ]);
  });

  it('puts the clauses right after the table of a MessageTrace query only', () => {
    expect(applyFilters('MessageTrace\n| count', { status: ['Failed'] })).toBe('MessageTrace\n| where Status == "Failed"\n| count');
    expect(applyFilters('Findings | count', { status: ['Failed'] })).toBe('Findings | count');
    expect(applyFilters('MessageTraceX | count', { status: ['Failed'] })).toBe('MessageTraceX | count');
  });
});
