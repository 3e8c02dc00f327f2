/** Countries by code or name (English or Japanese: "Japan", "jp", "日本") -> ISO 3166-1 alpha-2, from the runtime's ICU data. */

const LOCALES = ['en', 'ja'] as const;
const ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB',
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  米国: 'US',
  英国: 'GB',
};

// Codes ICU still names that are not countries today (East Germany, the USSR, the EU, Unknown Region...): a name means its current code.
const NOT_COUNTRIES = new Set(['AN', 'BU', 'CS', 'DD', 'EU', 'EZ', 'FX', 'NT', 'QO', 'SU', 'TP', 'UN', 'YU', 'ZR', 'ZZ']);

let byName: Map<string, string> | undefined;

function key(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const locale of LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        if (NOT_COUNTRIES.has(code)) continue;
        const name = display.of(code);
        if (name && !byName.has(key(name))) byName.set(key(name), code);
      }
  }
  return byName;
}

/** The alpha-2 code a user means by `value`: a code in any case, or a country's name; otherwise the value upper-cased. */
export function countryCode(value: string): string {
  const v = value.normalize('NFKC').trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  return names().get(key(v)) ?? v.toUpperCase();
}
