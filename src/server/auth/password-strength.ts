/** Offline password strength checks (zxcvbn-ts with its common and English dictionaries): what we accept and why we refuse. */
import { BadRequestError } from '../errors.js';

/** zxcvbn's score from 0 (guessable) to 4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

interface Checker {
  check(password: string, userInputs?: (string | number)[]): { score: number; feedback: { warning: string | null; suggestions: string[] } };
}

/** zxcvbn's feedback texts by their keys (`topTen`, `useWords`, ...), to name the keys the web app words in each language. */
interface FeedbackTexts {
  warnings: Record<string, string>;
  suggestions: Record<string, string>;
}

let checker: Promise<Checker & { texts: FeedbackTexts }> | undefined;

/** The dictionaries take ~0.2 s to load: only when a password is set, once per process. */
function loadChecker(): Promise<Checker & { texts: FeedbackTexts }> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    }) as unknown as Checker;
    return { check: (p, inputs) => factory.check(p, inputs), texts: en.translations as FeedbackTexts };
  })();
  return checker;
}

/** A refusal: the English text, and zxcvbn's feedback as its keys (`warning`, space-separated `suggestions`) for other languages. */
export interface PasswordWeakness {
  text: string;
  feedback: { warning: string; suggestions: string };
}

const keyOf = (texts: Record<string, string>, text: string | null) => Object.keys(texts).find((k) => texts[k] === text);

/** Why a password is refused, or undefined when it is strong enough; `context` are words an attacker would try first (user name, product). */
export async function passwordWeakness(password: string, context: readonly string[] = []): Promise<string | undefined> {
  return (await weakness(password, context))?.text;
}

async function weakness(password: string, context: readonly string[]): Promise<PasswordWeakness | undefined> {
  const none = { warning: '', suggestions: '' };
  if (password.length < MIN_PASSWORD_LENGTH) return { text: `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, feedback: none };
  if (password.length > MAX_PASSWORD_LENGTH) return { text: `a password has at most ${MAX_PASSWORD_LENGTH} characters`, feedback: none };
  // zxcvbn's matching grows with length; the first 100 characters decide (a longer password is not weaker for it).
  const zxcvbn = await loadChecker();
  const result = zxcvbn.check(password.slice(0, 100), ['mailsift', ...context]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const { warning, suggestions } = result.feedback;
  const why = [warning, ...suggestions].filter((s): s is string => Boolean(s)).join(' ');
  return {
    text: `this password is too easy to guess${why ? `: ${why}` : ''} Use a long passphrase of several unrelated words or a password manager.`,
    feedback: {
      warning: keyOf(zxcvbn.texts.warnings, warning) ?? '',
      suggestions: suggestions
        .map((s) => keyOf(zxcvbn.texts.suggestions, s))
        .filter(Boolean)
        .join(' '),
    },
  };
}

/** Throw BadRequestError (with zxcvbn's feedback, by key for the web app's languages) when `password` is too weak. */
export async function assertStrongPassword(password: string, context: readonly string[] = []): Promise<void> {
  const weak = await weakness(password, context);
  if (weak) throw new BadRequestError(weak.text, { reason: 'weak-password', params: weak.feedback });
}
