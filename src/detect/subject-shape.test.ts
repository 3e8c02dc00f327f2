import { describe, expect, it } from 'vitest';
import { kqlString } from '../kql/index.js';
import { openStore, runKql } from '../store/index.js';
import { traceRow } from '../store/store.case.js';
import { SHAPE_STEPS, shapeTokens, subjectShape, subjectShapeKql, tokenSimilarity } from './subject-shape.js';

describe('subjectShape', () => {
  it('normalises prefixes, numbers, ticket ids and whitespace', () => {
    expect(subjectShape('Re: 請求書 No.58213')).toBe(subjectShape('RE:  請求書 No.71002'));
    expect(subjectShape('Re: 請求書 No.58213')).toBe('請求書 #');
    expect(subjectShape('FW: Re: 転送: 返信： Invoice INV-2024-0042')).toBe('invoice #');
    expect(subjectShape('RE: Invoice 1234-INV')).toBe(subjectShape('Invoice 9876-INV'));
    expect(subjectShape('2026年3月分 請求書の件')).toBe('#年#月分 請求書の件');
    expect(subjectShape('Remittance advice 123456')).not.toBe(subjectShape('Meeting notes'));
    // Full-width prefixes and numbers, as Japanese mail clients write them.
    expect(subjectShape('Ｒｅ：請求書 No.５８２１３ のご確認')).toBe(subjectShape('Re: 請求書 No.71002 のご確認'));
    expect(subjectShape('ＦＷ： 返信: 請求書 No.1 のご確認')).toBe('請求書 # のご確認');
  });

  it('gives full-width and half-width variants of a shape the same tokens (NFKC)', () => {
    expect(shapeTokens(subjectShape('ＩＮＶＯＩＣＥ ｾｲｷｭｳｼｮ #'))).toEqual(shapeTokens(subjectShape('invoice セイキュウショ #')));
  });

  const subjects = [
    'Re: 請求書 No.58213',
    'FW: Re: 転送: 返信： Invoice INV-2024-0042',
    '  RE[2]: hello   world 42 ',
    '【Lucerne IT Daily】2026/03/02 今日の注目ニュース',
    'Fwd：Ｎｏ．１２３\u3000お知らせ　 ',
  ];

  it("gives the same shape in the store's detection hooks as in TypeScript", async () => {
    const store = await openStore('duckdb::memory:');
    try {
      const at = Date.UTC(2026, 2, 2, 3);
      await store.upsertTraces(
        subjects.flatMap((Subject, i) =>
          [1, 2].map((k) => traceRow({ Subject, Received: at, MessageTraceId: `t${i}-${k}`, Direction: 'Inbound' })),
        ),
      );
      const shapes = [...new Set(subjects.map(subjectShape))];
      const stats = await store.detect.campaignStats({
        directions: ['Inbound'],
        steps: SHAPE_STEPS,
        candidates: shapes.map((shape) => ({ shapes: [shape], from: at, to: at, knownFrom: at - 86_400_000, knownTo: at })),
      });
      expect(stats.map((x) => x?.rows)).toEqual(shapes.map((shape) => 2 * subjects.filter((s) => subjectShape(s) === shape).length));
    } finally {
      await store.close();
    }
  });

  it('gives the same shape in KQL as in TypeScript', async () => {
    const store = await openStore('duckdb::memory:');
    try {
      for (const s of subjects) {
        const r = await runKql(store, `print Shape = ${subjectShapeKql(kqlString(s), kqlString)}`);
        expect(r.rows[0]![0]).toBe(subjectShape(s));
      }
    } finally {
      await store.close();
    }
  });

  it('splits Japanese into words and scores near-duplicates', () => {
    const a = shapeTokens(subjectShape('【重要】お支払い情報の更新が必要です'));
    expect(a.length).toBeGreaterThan(3);
    const b = shapeTokens(subjectShape('【重要】お支払い情報の更新が必要です (#2)'));
    expect(tokenSimilarity(a, b)).toBeGreaterThan(0.8);
    expect(tokenSimilarity(a, shapeTokens('会議の議事録'))).toBeLessThan(0.3);
  });
});
