import { describe, expect, it } from 'vitest';
import { DashboardSet } from './dashboard-set.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the bundled dashboards speak English and Japanese', () => {
  const set = DashboardSet.load();
  const texts = set.list().flatMap((summary) => {
    const d = set.get(summary.id)!;
    return [
      { at: d.id, title: d.title, description: d.description },
      ...d.panels.map((p) => ({ at: `${d.id}/${p.id}`, title: p.title, description: p.description })),
    ];
  });

  it('gives every dashboard and panel a title and description in both languages', () => {
    expect(texts.length).toBeGreaterThan(30);
    for (const t of texts) {
      for (const [field, text] of [
        ['title', t.title],
        ['description', t.description],
      ] as const) {
        expect(typeof text, `${t.at} ${field} is one language only`).toBe('object');
        if (typeof text === 'string') continue;
        expect(text.en.trim(), `${t.at} ${field}.en`).not.toBe('');
        expect(text.ja.trim(), `${t.at} ${field}.ja`).not.toBe('');
        expect(text.ja, `${t.at} ${field}.ja is not Japanese`).toMatch(JAPANESE);
      }
    }
  });
});
