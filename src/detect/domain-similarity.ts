/** Whether a domain imitates another: typos, homoglyphs (incl. punycode), TLD swaps, added words or hyphens. */
import { domainToUnicode } from 'node:url';
import { parse } from 'tldts';

/** How a domain imitates a protected one, strongest first. */
export type LookalikeKind = 'homoglyph' | 'embedded' | 'hyphenated' | 'typo' | 'tld-swap' | 'added-word';

/** A protected domain split for comparison. */
export interface ProtectedDomain {
  domain: string;
  /** Registrable part without the public suffix, e.g. `contoso` of contoso.co.jp. */
  label: string;
  suffix: string;
  skeleton: string;
  /** Largest edit distance counted as a typo of this domain (default from the options). */
  maxTypo?: number;
}

// Characters that render like Latin letters (Cyrillic, Greek, digits): a skeleton maps them to one form.
const CONFUSABLE: Record<string, string> = {
  '0': 'o', '1': 'l', i: 'l', '|': 'l', '3': 'e', '5': 's', '4': 'a', '7': 't', '8': 'b', '9': 'g',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'l', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h', ԛ: 'q', ԝ: 'w', к: 'k', м: 'm', т: 't', в: 'b', н: 'h',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'l', κ: 'k', τ: 't', υ: 'u', χ: 'x', ε: 'e',
  'ı': 'l', 'ɩ': 'l', 'ℓ': 'l', 'ⅰ': 'l',
};

/** The look of a label: confusable characters folded, `rn` -> m, `vv` -> w, `cl` -> d, accents dropped. */
export function skeleton(label: string): string {
  let s = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  s = [...s].map((c) => CONFUSABLE[c] ?? c).join('');
  return s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd');
}

/** Split a domain for comparison; undefined when it has no registrable part. */
export function protectedDomain(domain: string, maxTypo?: number): ProtectedDomain | undefined {
  const p = parse(domain);
  if (!p.domain || !p.domainWithoutSuffix) return undefined;
  const out: ProtectedDomain = { domain, label: p.domainWithoutSuffix, suffix: p.publicSuffix ?? '', skeleton: skeleton(p.domainWithoutSuffix) };
  if (maxTypo !== undefined) out.maxTypo = maxTypo;
  return out;
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** A verdict: which protected domain is imitated, and how. */
export interface LookalikeMatch {
  imitates: string;
  kind: LookalikeKind;
  distance?: number;
}

/** Options of the comparison. */
export interface LookalikeOptions {
  /** Largest edit distance counted as a typo (labels of 8+ characters; shorter ones allow 1). */
  maxEditDistance: number;
  /** Protected labels shorter than this are only compared for homoglyphs and exact TLD swaps. */
  minLabelLength: number;
}

/** How `candidate` imitates one of `protectedDomains`, or undefined. The candidate must not be one of them or under one. */
export function findLookalike(candidate: string, protectedDomains: readonly ProtectedDomain[], options: LookalikeOptions): LookalikeMatch | undefined {
  const host = candidate.toLowerCase();
  const shown = host.includes('xn--') ? domainToUnicode(host) || host : host;
  const c = parse(shown);
  const label = c.domainWithoutSuffix ?? '';
  const suffix = c.publicSuffix ?? '';
  const sk = skeleton(label);
  const flat = shown.replace(/[-.]/g, '');
  let best: LookalikeMatch | undefined;
  const consider = (m: LookalikeMatch) => {
    if (!best || RANK[m.kind] < RANK[best.kind]) best = m;
  };
  for (const p of protectedDomains) {
    if (host === p.domain || host.endsWith('.' + p.domain)) return undefined;
    const long = p.label.length >= options.minLabelLength;
    if (label && label !== p.label && sk === p.skeleton) consider({ imitates: p.domain, kind: 'homoglyph' });
    else if (host.startsWith(p.domain + '.') || host.includes('.' + p.domain + '.') || (long && host.startsWith(p.domain + '-'))) consider({ imitates: p.domain, kind: 'embedded' });
    else if (long && flat === p.domain.replace(/[-.]/g, '')) consider({ imitates: p.domain, kind: 'hyphenated' });
    else if (label === p.label && suffix !== p.suffix) consider({ imitates: p.domain, kind: 'tld-swap' });
    else if (long && label) {
      const max = Math.min(p.maxTypo ?? 3, p.label.length >= 8 ? options.maxEditDistance : Math.min(1, options.maxEditDistance));
      const d = editDistance(label, p.label, max);
      if (d > 0 && d <= max) consider({ imitates: p.domain, kind: 'typo', distance: d });
      else if (label.includes(p.label) && /[-.]|^[a-z0-9]+$/.test(label)) {
        const rest = label.replace(p.label, '');
        if (rest.length > 0 && rest.length <= 12) consider({ imitates: p.domain, kind: 'added-word' });
      }
    }
  }
  return best;
}

const RANK: Record<LookalikeKind, number> = { homoglyph: 0, embedded: 1, hyphenated: 2, typo: 3, 'tld-swap': 4, 'added-word': 5 };
