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

// A word never spans a space, a bracket or these marks: a subject is cut at them first, and the words of each piece
// are remembered too, so a piece many subjects share ("請求書送付のご案内", "Invoice") is segmented once. (Not the
// quote mark, nor . : , ' and _, which the Unicode word rules can keep inside a word.)
const PIECE_BREAK = /[ ()[\]{}<>【】「」『』〔〕〈〉《》、。!?|~/@\-]+/;
// Letters and digits of ASCII alone are one word by those rules: no segmenter needed.
const ALPHANUMERIC = /^[a-z0-9]+$/i;
const pieces = new Map<string, readonly string[]>();

/** Remember `value` under `key` in a map of at most CACHE_SIZE entries (the oldest goes). */
function remember<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= CACHE_SIZE) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/** The distinct words of one subject worth counting, lower-cased. */
export function subjectTerms(subject: string): string[] {
  return cache.get(subject) ?? remember(cache, subject, splitTerms(subject));
}

/** The text of a subject whose words are counted: NFKC-normalized, reply and forward markers taken off. */
export function subjectText(subject: string): string {
  return subject.normalize('NFKC').replace(PREFIX, '');
}

/** Of the segmenter's words, those worth counting, lower-cased, in order. */
export function keptWords(words: readonly string[]): string[] {
  return words.map((w) => w.toLowerCase()).filter((w) => [...w].length >= 2 && !NOISE.test(w) && !STOP_WORDS.has(w));
}

function splitTerms(subject: string): string[] {
  const out = new Set<string>();
  for (const piece of subjectText(subject).split(PIECE_BREAK)) {
    if (piece !== '') for (const word of pieces.get(piece) ?? remember(pieces, piece, pieceTerms(piece))) out.add(word);
  }
  return [...out];
}

/** The words worth counting of a piece of a subject, in order. */
function pieceTerms(piece: string): string[] {
  return keptWords(ALPHANUMERIC.test(piece) ? [piece] : [...segmenter.segment(piece)].filter((s) => s.isWordLike).map((s) => s.segment));
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
