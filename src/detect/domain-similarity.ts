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
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '3': 'e',
  '5': 's',
  '4': 'a',
  '7': 't',
  '8': 'b',
  '9': 'g',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'l',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'l',
  κ: 'k',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  ı: 'l',
  ɩ: 'l',
  ℓ: 'l',
  ⅰ: 'l',
};

/** The look of a label: confusable characters folded, `rn` -> m, `vv` -> w, `cl` -> d, accents dropped. */
export function skeleton(label: string): string {
  let s = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  s = [...s].map((c) => CONFUSABLE[c] ?? c).join('');
  return s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd');
}

/** Split a domain for comparison; undefined when it has no registrable part. */
export function protectedDomain(domain: string, maxTypo?: number): ProtectedDomain | undefined {
  const p = parse(domain);
  if (!p.domain || !p.domainWithoutSuffix) return undefined;
  const out: ProtectedDomain = {
    domain,
    label: p.domainWithoutSuffix,
    suffix: p.publicSuffix ?? '',
    skeleton: skeleton(p.domainWithoutSuffix),
  };
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

/** How `candidate` imitates one of `protectedDomains`, or undefined (builds an index; use LookalikeIndex for many). */
export function findLookalike(
  candidate: string,
  protectedDomains: readonly ProtectedDomain[],
  options: LookalikeOptions,
): LookalikeMatch | undefined {
  return new LookalikeIndex(protectedDomains, options).find(candidate);
}

/**
 * Protected domains indexed so that each candidate costs a few dozen map lookups, not a comparison with
 * every protected domain: skeletons, flattened names, labels, and for typos the symmetric-delete
 * neighbourhood (every spelling with up to k letters deleted; two names within edit distance k share one).
 */
export class LookalikeIndex {
  private readonly domains = new Set<string>();
  private readonly bySkeleton = new Map<string, ProtectedDomain[]>();
  private readonly byFlat = new Map<string, ProtectedDomain>();
  private readonly byLabel = new Map<string, ProtectedDomain[]>();
  private readonly byDeletion = new Map<string, ProtectedDomain[]>();
  private readonly longByLength = new Map<number, Map<string, ProtectedDomain>>();
  private readonly maxDeletions: number;

  constructor(
    protectedDomains: readonly ProtectedDomain[],
    private readonly options: LookalikeOptions,
  ) {
    let maxDeletions = 0;
    for (const p of protectedDomains) {
      this.domains.add(p.domain);
      push(this.bySkeleton, p.skeleton, p);
      push(this.byLabel, p.label, p);
      if (p.label.length < options.minLabelLength) continue;
      this.byFlat.set(p.domain.replace(/[-.]/g, ''), p);
      let byLength = this.longByLength.get(p.label.length);
      if (!byLength) this.longByLength.set(p.label.length, (byLength = new Map()));
      byLength.set(p.label, p);
      const k = this.typoLimit(p);
      maxDeletions = Math.max(maxDeletions, k);
      for (const v of deletions(p.label, k)) push(this.byDeletion, v, p);
    }
    this.maxDeletions = maxDeletions;
  }

  /** How `candidate` imitates a protected domain, or undefined (also for the domains themselves and their subdomains). */
  find(candidate: string): LookalikeMatch | undefined {
    const host = candidate.toLowerCase();
    // The domain itself or a subdomain of it: ours, not an imitation.
    for (let i = 0; i >= 0; i = host.indexOf('.', i) + 1 || -1) {
      if (this.domains.has(host.slice(i))) return undefined;
      if (i === host.length) break;
    }
    const shown = host.includes('xn--') ? domainToUnicode(host) || host : host;
    const c = parse(shown);
    const label = c.domainWithoutSuffix ?? '';
    const suffix = c.publicSuffix ?? '';
    if (label) {
      const same = this.bySkeleton.get(skeleton(label))?.find((p) => p.label !== label);
      if (same) return { imitates: same.domain, kind: 'homoglyph' };
    }
    const embedded = this.embedded(host);
    if (embedded) return { imitates: embedded.domain, kind: 'embedded' };
    const flat = this.byFlat.get(shown.replace(/[-.]/g, ''));
    if (flat) return { imitates: flat.domain, kind: 'hyphenated' };
    if (!label) return undefined;
    const typo = this.typo(label);
    if (typo) return typo;
    const swapped = this.byLabel.get(label)?.find((p) => p.suffix !== suffix);
    if (swapped) return { imitates: swapped.domain, kind: 'tld-swap' };
    const added = this.addedWord(label);
    if (added) return { imitates: added.domain, kind: 'added-word' };
    return undefined;
  }

  private typoLimit(p: ProtectedDomain): number {
    const byLength = p.label.length >= 8 ? this.options.maxEditDistance : Math.min(1, this.options.maxEditDistance);
    return Math.min(p.maxTypo ?? 3, byLength);
  }

  /** A protected domain written inside the host at a label boundary, followed by '.' or '-'. */
  private embedded(host: string): ProtectedDomain | undefined {
    for (let i = 0; i < host.length; i = host.indexOf('.', i) + 1 || host.length) {
      for (let j = i + 1; j < host.length; j++) {
        const ch = host[j];
        if ((ch === '.' || ch === '-') && this.domains.has(host.slice(i, j))) {
          const d = host.slice(i, j);
          const p = this.bySkeleton.get(skeleton(parse(d).domainWithoutSuffix ?? ''))?.find((x) => x.domain === d);
          if (p && (ch === '.' || p.label.length >= this.options.minLabelLength)) return p;
        }
      }
    }
    return undefined;
  }

  private typo(label: string): LookalikeMatch | undefined {
    if (this.maxDeletions === 0) return undefined;
    let best: LookalikeMatch | undefined;
    for (const v of deletions(label, this.maxDeletions)) {
      for (const p of this.byDeletion.get(v) ?? []) {
        if (p.label === label) continue;
        const max = this.typoLimit(p);
        const d = editDistance(label, p.label, max);
        if (d > 0 && d <= max && (!best || d < best.distance!)) best = { imitates: p.domain, kind: 'typo', distance: d };
      }
    }
    return best;
  }

  /** The label is a protected name plus a word (at most 12 more characters). */
  private addedWord(label: string): ProtectedDomain | undefined {
    for (const [length, labels] of this.longByLength) {
      if (length >= label.length || label.length - length > 12) continue;
      for (let i = 0; i + length <= label.length; i++) {
        const p = labels.get(label.slice(i, i + length));
        if (p) return p;
      }
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The word and every spelling of it with up to k letters deleted. */
function deletions(word: string, k: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let step = 0; step < k; step++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}
