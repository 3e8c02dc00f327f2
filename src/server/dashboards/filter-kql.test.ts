import { describe, expect, it } from 'vitest';
import { compileKql } from '../../kql/index.js';
import { applyFilters, kqlString, tableFilters } from './filter-kql.js';

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

  it('ORs values of one filter, ANDs filters, and normalises values as stored', () => {
    expect(
      tableFilters({ status: ['delivered', 'FAILED'], sender: ['Alice@Contoso.COM'], country: ['jp'], domain: ['contoso.com'] }).map(
        (f) => f.predicate,
      ),
    ).toEqual([
      'Status in ("Delivered", "Failed")',
      'SenderAddress == "alice@contoso.com"',
      'SenderDomain == "contoso.com" or RecipientDomain == "contoso.com"',
      'FromCountry == "JP" or ToCountry == "JP"',
    ]);
  });

  it('reads wildcards, country names and the two country sides', () => {
    const predicates = (filters: Parameters<typeof tableFilters>[0]) => tableFilters(filters).map((f) => f.predicate);
    expect(predicates({ sender: ['*@Contoso.co.jp'] })).toEqual(['SenderAddress endswith_cs "@contoso.co.jp"']);
    expect(predicates({ recipient: ['ops*'] })).toEqual(['RecipientAddress startswith_cs "ops"']);
    expect(predicates({ domain: ['*.example'] })).toEqual([
      'SenderDomain endswith_cs ".example" or RecipientDomain endswith_cs ".example"',
    ]);
    expect(predicates({ sender: ['*bill*'] })).toEqual(['SenderAddress contains_cs "bill"']);
    expect(predicates({ sender: ['a*.b*@x.com'] })).toEqual([`SenderAddress matches regex ${kqlString('^a.*\\.b.*@x\\.com$')}`]);
    expect(predicates({ sender: ['*'] })).toEqual([]);
    for (const japan of ['Japan', 'jp', '日本', ' JAPAN ']) expect(predicates({ fromCountry: [japan] })).toEqual(['FromCountry == "JP"']);
    expect(predicates({ toCountry: ['Germany'] })).toEqual(['ToCountry == "DE"']);
    expect(predicates({ direction: ['inbound'] })).toEqual(['Direction == "Inbound"']);
  });

  it('puts the clauses after every table that has the columns, and names the filters no table could take', () => {
    expect(applyFilters('MessageTrace\n| count', { status: ['Failed'] })).toEqual({
      kql: 'MessageTrace | where Status == "Failed"\n| count',
      unfiltered: [],
    });
    expect(applyFilters('Findings | count', { status: ['Failed'] })).toEqual({ kql: 'Findings | count', unfiltered: ['status'] });
    // A table name inside a literal is text, not a table.
    expect(applyFilters('print x = "MessageTrace"', { status: ['Failed'] }).unfiltered).toEqual(['status']);
    const join = applyFilters(
      'Indicators | join kind=inner (MessageTrace | project SenderAddress) on $left.Indicator == $right.SenderAddress',
      {
        sender: ['a@b.c'],
        status: ['Failed'],
      },
    );
    expect(join.kql).toBe(
      'Indicators | join kind=inner (MessageTrace | where Status == "Failed" | where SenderAddress == "a@b.c" | project SenderAddress) on $left.Indicator == $right.SenderAddress',
    );
    const union = applyFilters('union MessageTrace, MessageEvents | count', { sender: ['a@b.c'], status: ['Failed'] });
    expect(union.kql).toBe(
      'union (MessageTrace | where Status == "Failed" | where SenderAddress == "a@b.c"), (MessageEvents | where SenderAddress == "a@b.c") | count',
    );
    expect(applyFilters('let t = MessageTrace;\nlet n = 5;\nt | take n', { sender: ['a@b.c'] }).kql).toBe(
      'let t = MessageTrace | where SenderAddress == "a@b.c";\nlet n = 5;\nt | take n',
    );
    for (const q of [join.kql, union.kql]) expect(() => compileKql(q, { dialect: 'duckdb' })).not.toThrow();
  });
});
