/**
 * Text in UTF-8 byte order: the order DuckDB and ClickHouse give strings. JavaScript's own comparison goes by UTF-16
 * code units, which puts a character past U+FFFF (a surrogate pair, U+D800-U+DFFF) before one of U+E000-U+FFFF; the
 * bytes (and code points) put it after.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const pairX = x >= 0xd800 && x <= 0xdfff;
    const pairY = y >= 0xd800 && y <= 0xdfff;
    return pairX === pairY ? x - y : pairX ? 1 : -1;
  }
  return a.length - b.length;
}
