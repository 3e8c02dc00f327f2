/** Wording of finding titles: country names, byte sizes, factors. */

const regions = { en: new Intl.DisplayNames(['en'], { type: 'region' }), ja: new Intl.DisplayNames(['ja'], { type: 'region' }) };

/** "North Korea (KP)" ("北朝鮮 (KP)" in Japanese); the code alone when the runtime has no name for it. */
export function countryName(code: string, language: 'en' | 'ja' = 'en'): string {
  try {
    const name = regions[language].of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
  } catch {
    return code;
  }
}

/** 1.2 GiB, 640 MiB, 12 KiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** A ratio as "9.8x" (at most one decimal; "50x" from ten up). */
export function formatFactor(f: number): string {
  if (!Number.isFinite(f)) return 'far';
  return f >= 10 ? `${Math.round(f)}x` : `${f.toFixed(1)}x`;
}

/** "1 message" / "3 messages". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}
