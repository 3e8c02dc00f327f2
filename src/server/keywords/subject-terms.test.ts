import { describe, expect, it } from 'vitest';
import { countTerms, subjectTerms, topTerms } from './subject-terms.js';

describe('subject keywords', () => {
  it('splits Japanese and English into words and drops particles, stop words, numbers and reply markers', () => {
    expect(subjectTerms('【重要】請求書のご確認をお願いします')).toEqual(['重要', '請求', '確認']);
    expect(subjectTerms('RE: FW: Invoice #4432 overdue - action required')).toEqual(['invoice', 'overdue', 'action', 'required']);
    expect(subjectTerms('Ｉｎｖｏｉｃｅ　請求書')).toEqual(['invoice', '請求']);
    expect(subjectTerms('')).toEqual([]);
  });

  it('weights each subject by its messages and compares with the previous period', () => {
    const now = countTerms([
      ['Invoice overdue', 5],
      ['Invoice paid', 2],
    ]);
    const before = countTerms([['Invoice paid', 1]]);
    expect(topTerms(now, before, 2)).toEqual([
      { term: 'invoice', count: 7, previous: 1 },
      { term: 'overdue', count: 5, previous: 0 },
    ]);
  });
});
