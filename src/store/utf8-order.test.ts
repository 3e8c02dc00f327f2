import { describe, expect, it } from 'vitest';
import { compareUtf8 } from './utf8-order.js';

const sign = (n: number) => Math.sign(n);
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('compareUtf8', () => {
  it('orders a character past U+FFFF after one of U+E000-U+FFFF, as the bytes do (UTF-16 puts it before)', () => {
    const emoji = '\u{1F4E7}'; // 📧
    const fullwidth = '\uFF01'; // ！
    expect([emoji, fullwidth].sort()).toEqual([emoji, fullwidth]);
    expect([emoji, fullwidth].sort(compareUtf8)).toEqual([fullwidth, emoji]);
    expect(sign(bytes(emoji, fullwidth))).toBe(1);
  });

  it('agrees with the UTF-8 bytes on ASCII, Japanese, prefixes and pairs', () => {
    const alphabet = ['a', 'B', '', '\u0001', 'é', '見', '\uE000', '\uFFFD', '\u{1F600}', '\u{20BB7}', '\u{10000}'];
    const strings = alphabet.flatMap((x) => alphabet.map((y) => x + y));
    for (const a of strings) for (const b of strings) expect(sign(compareUtf8(a, b)), `${a} / ${b}`).toBe(sign(bytes(a, b)));
  });
});
