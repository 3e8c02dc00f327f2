/** Offline password strength checks (zxcvbn-ts with its common and English dictionaries): what we accept and why we refuse. */
import { BadRequestError } from '../errors.js';

/** zxcvbn's score from 0 (guessable) to 4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

interface Checker {
  check(password: string, userInputs?: (string | number)[]): { score: number; feedback: { warning: string | null; suggestions: string[] } };
}

let checker: Promise<Checker> | undefined;

/** The dictionaries take ~0.2 s to load: only when a password is set, once per process. */
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    }) as unknown as Checker;
  })();
  return checker;
}

/** Why a password is refused, or undefined when it is strong enough; `context` are words an attacker would try first (user name, product). */
export async function passwordWeakness(password: string, context: readonly string[] = []): Promise<string | undefined> {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  // zxcvbn's matching grows with length; the first 100 characters decide (a longer password is not weaker for it).
  const result = (await loadChecker()).check(password.slice(0, 100), ['mailsift', ...context]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const { warning, suggestions } = result.feedback;
  const why = [warning, ...suggestions].filter((s): s is string => Boolean(s)).join(' ');
  return `this password is too easy to guess${why ? `: ${why}` : ''} Use a long passphrase of several unrelated words or a password manager.`;
}

/** Throw BadRequestError (with zxcvbn's feedback) when `password` is too weak. */
export async function assertStrongPassword(password: string, context: readonly string[] = []): Promise<void> {
  const weakness = await passwordWeakness(password, context);
  // zxcvbn's feedback is English: other languages say what to do instead.
  if (weakness) throw new BadRequestError(weakness, { reason: 'weak-password' });
}
