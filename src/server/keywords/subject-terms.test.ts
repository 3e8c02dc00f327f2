import { describe, expect, it } from 'vitest';
import { countTerms, keptWords, subjectTerms, subjectText, topTerms } from './subject-terms.js';

describe('subject keywords', () => {
  it('splits Japanese and English into words and drops particles, stop words, numbers and reply markers', () => {
    expect(subjectTerms('【重要】請求書のご確認をお願いします')).toEqual(['重要', '請求', '確認']);
    expect(subjectTerms('RE: FW: Invoice #4432 overdue - action required')).toEqual(['invoice', 'overdue', 'action', 'required']);
    expect(subjectTerms('Ｉｎｖｏｉｃｅ　請求書')).toEqual(['invoice', '請求']);
    expect(subjectTerms('')).toEqual([]);
  });

  it('finds the words the segmenter finds in the whole subject, cutting it at spaces, brackets and marks first', () => {
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    const whole = (subject: string) => [
      ...new Set(keptWords([...segmenter.segment(subjectText(subject))].filter((s) => s.isWordLike).map((s) => s.segment))),
    ];
    const subjects = [
      '【至急】見積書送付の件（1月分）',
      '経費精算のお願い（12月分）',
      '『新製品』発表会のご案内〔第2回〕',
      'ご請求書（2026年1月締め）',
      'Invoice #482913 from Northwind Traders',
      'Shared document: Scan_204981.pdf',
      "Action items from today's meeting (v2.1) - e-mail/web",
      'Payment confirmation #4921772 <urgent> {ref: A-17}',
      'You have (3) undelivered messages!? [Notice]',
      'Ｉｎｖｏｉｃｅ　請求書　No.１２３',
      '見積書 No.4432 の件 / 山田',
      'Invoice_4432\u202Efdp.exe',
      '投資セミナー無料ご招待～限定100名様～',
      '「重要」パスワード変更のお願い。ご確認ください!',
    ];
    for (const subject of subjects) expect(subjectTerms(subject), subject).toEqual(whole(subject));
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
