import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, truncate, visibleText } from './text-table.js';

describe('text tables', () => {
  it('makes escape sequences and bidi overrides visible', () => {
    expect(visibleText('a\u001b[31mred\u202eb')).toBe('a\\u{1b}[31mred\\u{202e}b');
  });
  it('counts Japanese as double width and truncates by columns', () => {
    expect(displayWidth('請求書')).toBe(6);
    expect(truncate('請求書のご案内', 7)).toBe('請求書…');
  });
  it('aligns numbers right and fits the width', () => {
    const out = renderTable(
      [{ name: 'Sender' }, { name: 'n', type: 'long' }],
      [
        ['alice@contoso.com', 5],
        ['b@x.jp', 120],
      ],
      40,
    );
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Sender\s+n$/);
    expect(lines[2]).toMatch(/alice@contoso\.com\s+5$/);
    expect(lines[3]).toMatch(/b@x\.jp\s+120$/);
    const wide = renderTable([{ name: 'Subject' }], [['x'.repeat(500)]], 30);
    for (const l of wide.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(30);
  });
});
