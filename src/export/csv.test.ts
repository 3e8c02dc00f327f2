import { describe, expect, it } from 'vitest';
import { csvField, neutralizeCell, toCsv } from './csv.js';

describe('CSV export', () => {
  it('neutralises cells that spreadsheets would run as formulas', () => {
    for (const evil of [
      '=HYPERLINK("http://x")',
      '+1+cmd|/C calc',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1+1',
      '＠SUM(A1)',
      '－1',
      '＋1',
    ]) {
      expect(neutralizeCell(evil)).toBe(`'${evil}`);
    }
    expect(neutralizeCell('plain')).toBe('plain');
    expect(neutralizeCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and keeps numbers as numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField(['x', 1])).toBe('"[""x"",1]"');
  });

  it('writes a header and CRLF lines', () => {
    const csv = toCsv(
      [{ name: 'Subject' }, { name: 'Size' }],
      [
        ['=cmd()', 10],
        ['請求書, No.1', 20],
      ],
    );
    expect(csv).toBe(`Subject,Size\r\n'=cmd(),10\r\n"請求書, No.1",20\r\n`);
  });
});
