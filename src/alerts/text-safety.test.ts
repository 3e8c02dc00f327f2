import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeSlack, truncate, visible } from './text-safety.js';

describe('text safety', () => {
  it('makes controls, bidi overrides and invisible characters visible', () => {
    expect(visible('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(visible('a\nb\r\tc\u0000d\u0085e')).toBe('a[U+000A]b[U+000D][U+0009]c[U+0000]d[U+0085]e');
    expect(visible('pay\u200Bpal \u2066x\u2069 \uFEFF')).toBe('pay[U+200B]pal [U+2066]x[U+2069] [U+FEFF]');
    expect(visible('ok: 日本語 émoji 👍')).toBe('ok: 日本語 émoji 👍');
    expect(visible('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    expect(visible(null)).toBe('');
    expect(visible(42)).toBe('42');
  });

  it('cuts long text without splitting a character', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab👍cd', 4)).toBe('ab…');
    expect(visible('x'.repeat(1000), 10)).toHaveLength(10);
  });

  it('escapes per medium', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    expect(escapeSlack('<!channel> <https://evil|click> & *bold*')).toBe('&lt;!channel&gt; &lt;https://evil|click&gt; &amp; *bold*');
    expect(escapeMarkdown('[link](javascript:alert(1)) *b* _i_ ~s~ `c` \\')).toBe(
      '\\[link\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\_i\\_ \\~s\\~ \\`c\\` \\\\',
    );
  });
});
