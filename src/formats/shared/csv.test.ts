import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsvLine } from './csv.js';

describe('parseCsvLine', () => {
  it('splits plain and quoted fields', () => {
    expect(parseCsvLine('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(parseCsvLine('"a,b","say ""hi""",c,')).toEqual(['a,b', 'say "hi"', 'c', '']);
    expect(parseCsvLine('"",x')).toEqual(['', 'x']);
    expect(parseCsvLine('"open,x')).toBeNull();
  });
});

describe('CsvReader', () => {
  it('joins quoted line breaks, reports comments and line numbers', () => {
    const rows: [string[], number][] = [];
    const comments: [string, number][] = [];
    const errors: string[] = [];
    const reader = new CsvReader(
      {
        row: (f, l) => rows.push([f, l]),
        comment: (t, l) => comments.push([t, l]),
        error: (r) => errors.push(r.text),
      },
      true,
    );
    const text = '#Fields: a,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n"5,6';
    for (let i = 0; i < text.length; i += 3) reader.push(text.slice(i, i + 3));
    reader.end();
    expect(comments).toEqual([['#Fields: a,b', 1]]);
    expect(rows).toEqual([
      [['1', 'two\nlines'], 2],
      [['3', '4'], 5],
    ]);
    expect(errors).toEqual(['unterminated quoted value at the end of the file']);
  });
});
