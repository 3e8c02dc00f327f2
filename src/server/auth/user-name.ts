/**
 * Names people choose (user and token names): letters, marks and digits of any script (山田太郎, yamada), normalised
 * with NFKC so full-width and half-width forms are one name (ｙａｍａｄａ is yamada, ｶﾞ is ガ), and compared without
 * case, so no two accounts can look alike.
 */

// A letter or digit first; then letters, combining marks, digits and . _ @ - (no spaces, no control or format characters).
const NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._@-]{0,63}$/u;

/** The stored form of a name: NFKC, surrounding spaces removed. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim();
}

/** Whether a (normalised) name is allowed. */
export function isValidName(name: string): boolean {
  return NAME.test(name);
}

/** What makes two names the same account: NFKC and case folded (Yamada, ＹＡＭＡＤＡ and yamada are one). */
export function nameKey(name: string): string {
  return normalizeName(name).toLowerCase().normalize('NFKC');
}
