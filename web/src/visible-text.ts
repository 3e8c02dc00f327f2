// Text from strangers (subjects, addresses, indicator names): control characters and direction overrides made
// visible, never obeyed, and long values cut for display with the whole value kept for tooltips.
import { formatCount } from './format';
import { strings } from './strings';

const NAMES: Record<number, string> = {
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x061c: 'ALM',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0x2028: 'LSEP',
  0x2029: 'PSEP',
  0xfeff: 'BOM',
  0x200b: 'ZWSP',
};

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/** `text` with every control or bidi character replaced by a visible marker (␊, ⟦RLO⟧). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\u27e6${NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}\u27e7`;
  });
}

/** Whether the text had anything to make visible. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Visible text cut to `max` characters with an ellipsis (for chart labels, which can't truncate themselves). */
export function shortText(text: string, max = 60): string {
  const v = visibleText(text);
  const chars = [...v];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : v;
}

/** The full value for a tooltip, bounded so a 10,000-character subject can't flood the screen. */
export function tooltipText(text: string, max = 2_000): string {
  const v = visibleText(text);
  return v.length > max ? `${v.slice(0, max)}… ${strings.common.characters(formatCount(text.length))}` : v;
}
