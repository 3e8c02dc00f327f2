import { describe, expect, it } from 'vitest';
import { findingTitle } from './finding-title';

describe('findingTitle', () => {
  const f = {
    title: '3 messages from North Korea (KP), an embargoed country',
    details: { titles: { ja: '禁輸対象国 北朝鮮 (KP) からのメール 3 通' } },
  };

  it('reads the Japanese title for a Japanese viewer and the English one otherwise', () => {
    expect(findingTitle(f, 'ja')).toBe('禁輸対象国 北朝鮮 (KP) からのメール 3 通');
    expect(findingTitle(f, 'en')).toBe(f.title);
  });

  it('falls back to the English title for findings stored before titles had languages', () => {
    expect(findingTitle({ title: 'old', details: {} }, 'ja')).toBe('old');
    expect(findingTitle({ title: 'old' }, 'ja')).toBe('old');
    expect(findingTitle({ title: 'old', details: { titles: { ja: 42 } } }, 'ja')).toBe('old');
  });
});
