/** Words of subjects, split with Intl.Segmenter (Japanese and Chinese too), stop words and noise removed. */
import { STOP_WORDS } from './stop-words.js';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const NOISE = /^[\p{N}\p{P}\p{S}_]+$/u;
// Reply and forward markers in the languages our users' mail is written in.
const PREFIX = /^(?:\s*(?:re|fw|fwd|aw|wg|sv|vs|tr|回复|答复|转发|返信|転送)\s*(?:\[\d+\])?\s*[:：]\s*)+/iu;

// Segmenting is the costly part and subjects repeat across panels, periods and filters: remember the words of
// the most recent subjects (a bounded map, dropping the oldest).
const cache = new Map<string, string[]>();
const CACHE_SIZE = 100_000;

/** The distinct words of one subject worth counting, lower-cased. */
export function subjectTerms(subject: string): string[] {
  let terms = cache.get(subject);
  if (terms === undefined) {
    terms = splitTerms(subject);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(subject, terms);
  }
  return terms;
}

function splitTerms(subject: string): string[] {
  const text = subject.normalize('NFKC').replace(PREFIX, '');
  const out = new Set<string>();
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const word = s.segment.toLowerCase();
    if ([...word].length < 2 || NOISE.test(word) || STOP_WORDS.has(word)) continue;
    out.add(word);
  }
  return [...out];
}

/** A term with its message count now and in the previous period. */
export interface TermCount {
  term: string;
  count: number;
  previous: number;
}

/** Count words over (subject, messages) pairs; each subject adds its message count to each of its words. */
export function countTerms(subjects: Iterable<readonly [string, number]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [subject, n] of subjects) {
    for (const t of subjectTerms(subject)) counts.set(t, (counts.get(t) ?? 0) + n);
  }
  return counts;
}

/** The `top` terms of `current`, each with its count in `previous`. */
export function topTerms(current: Map<string, number>, previous: Map<string, number>, top: number): TermCount[] {
  return [...current]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([term, count]) => ({ term, count, previous: previous.get(term) ?? 0 }));
}
