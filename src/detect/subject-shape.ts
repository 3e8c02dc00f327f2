/**
 * The shape of a subject: reply/forward prefixes, numbers, ticket ids and whitespace normalised away, so
 * `Re: 請求書 No.58213` and `RE: 請求書 No.71002` share one shape. The same steps run in the store (its detection
 * hooks aggregate by shape), in KQL (evidence queries) and in TypeScript (tests, clustering), from this one list.
 */

// RE2's \s is ASCII only; the ideographic space and NBSP are listed so SQL, KQL and JS agree.
const WS = '[\\s\u3000\u00a0]';

/** RE2-compatible steps, applied in order to the lower-cased subject (each replaces every match). */
export const SHAPE_STEPS: readonly { pattern: string; replacement: string }[] = [
  // Any run of reply/forward prefixes, in the languages mail clients write them (Japanese 返信/転送 too).
  {
    pattern: `^(${WS}*(re|fw|fwd|aw|wg|sv|vs|tr|rv|rif|antw|ｒｅ|ｆｗ|ｆｗｄ|転送|返信|回复|转发|答复)${WS}*(\\[[0-9]+\\]|\\([0-9]+\\))?${WS}*[:：]${WS}*)+`,
    replacement: '',
  },
  // Tokens holding a digit (numbers, ticket ids such as INV-2024-0042, dates, No.58213) become '#'.
  { pattern: '[a-z0-9_.#/\\-]*[0-9０-９][a-z0-9０-９_.#/\\-]*', replacement: '#' },
  { pattern: `${WS}+`, replacement: ' ' },
];

/** The shape of a subject, in TypeScript (same result as the SQL and KQL forms). */
export function subjectShape(subject: string): string {
  let s = subject.toLowerCase();
  for (const step of SHAPE_STEPS) s = s.replace(new RegExp(step.pattern, 'gu'), step.replacement);
  return s.replace(/^ +| +$/g, '');
}

/** The shape as a KQL expression over a column (for evidence queries). */
export function subjectShapeKql(column: string, literal: (v: string) => string): string {
  let x = `tolower(${column})`;
  for (const step of SHAPE_STEPS) x = `replace_regex(${x}, ${literal(step.pattern)}, ${literal(step.replacement)})`;
  return `trim(" ", ${x})`;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Word tokens of a shape (Japanese split by Intl.Segmenter; '#' placeholders kept as tokens), after NFKC:
 * full-width and half-width forms (ＩＮＶＯＩＣＥ, ｾｲｷｭｳｼｮ) give the same tokens, so such variants of one shape
 * cluster together even though the store's shapes (RE2, no Unicode normalisation) keep them apart.
 */
export function shapeTokens(shape: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(shape.normalize('NFKC').toLowerCase())) {
    if (s.isWordLike) out.push(s.segment);
    else if (s.segment.includes('#')) out.push('#');
  }
  return out;
}

/** Jaccard similarity of two token multisets' distinct tokens (1 for two empty sets). */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}
