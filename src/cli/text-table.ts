/** A plain-text table that fits the terminal, safe against hostile text (escape sequences, bidi overrides). */

// C0/C1 controls (incl. ESC, which could drive the terminal) and bidi controls that reorder what is shown.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Make control and bidi characters visible as \u{...} instead of letting the terminal obey them. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cut `text` to at most `width` columns, ending with … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(text: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

/** Render rows as an aligned table no wider than `maxWidth`; numbers are right-aligned. */
export function renderTable(
  columns: readonly { name: string; type?: string }[],
  rows: readonly (readonly unknown[])[],
  maxWidth = 120,
): string {
  const cells = rows.map((r) =>
    r.map((v) => visibleText(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))),
  );
  const header = columns.map((c) => visibleText(c.name));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  // Shrink the widest columns until the table fits (separators take 2 columns each).
  const budget = Math.max(maxWidth - 2 * (columns.length - 1), columns.length * 4);
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const i = widths.indexOf(Math.max(...widths));
    if (widths[i]! <= 4) break;
    widths[i] = widths[i]! - 1;
  }
  const numeric = columns.map((c) => c.type === 'long' || c.type === 'int' || c.type === 'real');
  const line = (r: string[]) =>
    r
      .map((v, i) => pad(truncate(v, widths[i]!), widths[i]!, numeric[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}
