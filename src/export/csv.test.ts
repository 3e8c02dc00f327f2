import { describe, expect, it } from 'vitest';
import { csvField, neutralizeCell, toCsv } from './csv.js';

describe('CSV export', () => {
  it('neutralises cells that spreadsheets would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '＝1+1', '＠SUM(A1)', '－1', '＋1']) {
      expect(neutralizeCell(evil)).toBe(`'${evil}`);
    }
    expect(neutralizeCell('plain')).toBe('plain');
    expect(neutralizeCell('a=b')).toBe('a=b');
    expect(neutralizeCell('a - b')).toBe('a - b');
  });

  it('neutralises formula signs after blanks, tabs, line breaks and any separator a spreadsheet may split on', () => {
    expect(neutralizeCell('  =1+1')).toBe("'  =1+1");
    expect(neutralizeCell('\u3000=1+1')).toBe("'\u3000=1+1");
    expect(neutralizeCell('"=1+1"')).toBe(`'"=1+1"`);
    // A tab or CR first is guarded, and so is the formula after it (a tab-splitting reader starts a cell there).
    expect(neutralizeCell('\t=1')).toBe("'\t'=1");
    expect(neutralizeCell('\r=1')).toBe("'\r'=1");
    expect(neutralizeCell('\tplain')).toBe("'\tplain");
    expect(neutralizeCell('hi;=1+1')).toBe("hi;'=1+1");
    expect(neutralizeCell('hi; =1+1')).toBe("hi; '=1+1");
    expect(neutralizeCell('hi,@SUM(A1)')).toBe("hi,'@SUM(A1)");
    expect(neutralizeCell('line one\n  -2+3')).toBe("line one\n  '-2+3");
    expect(neutralizeCell('line one\r\n+cmd')).toBe("line one\r\n'+cmd");
    expect(neutralizeCell('x\t=1;=2')).toBe("x\t'=1;'=2");
    expect(neutralizeCell('請求書；＝1+1')).toBe("請求書；'＝1+1");
  });

  it('quotes every cell holding a separator of any common dialect (comma, semicolon, tab), a quote or a line break', () => {
    expect(csvField('hi;=1+1')).toBe(`"hi;'=1+1"`);
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField(' =1')).toBe("' =1");
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
