import { describe, expect, it } from 'vitest';
import { compileKql } from './index.js';
import { kqlString } from './kql-literal.js';

describe('kqlString', () => {
  it('round-trips hostile text through the parser as one literal', () => {
    for (const evil of [
      '"; MessageTrace | take 1 //',
      '\\" or 1==1',
      'line\nbreak\ttab\r',
      '\u0000\u001b[31m\u202e',
      'x\u2028y',
      '請求書 "No.1"',
    ]) {
      const q = compileKql(`print v = ${kqlString(evil)}`.replace('print', 'MessageTrace | take 1 | project'), { dialect: 'duckdb' });
      expect(q.params).toContain(evil);
    }
  });
});
