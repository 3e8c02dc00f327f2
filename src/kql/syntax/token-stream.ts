/** A cursor over tokens with the small helpers the parser needs (peek, accept, expect, errors). */
import { kqlError, type KqlError } from '../kql-error.js';
import type { KqlParams, KqlReason, KqlThing } from '../messages/kql-error-text.js';
import type { Token } from './token.js';
import { positionOf } from './position.js';
import { MAX_NESTING } from '../limits.js';

/** Token cursor; all errors it raises carry the line and column of the offending token. */
export class TokenStream {
  private index = 0;
  private nesting = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** The token `ahead` positions from the current one. */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  /** Where the previous token ends (0 at the start). */
  previousEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1]!.end : 0;
  }

  /** Consume and return the current token. */
  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  /** Whether the current token is the punctuation `p`. */
  isPunct(p: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === p;
  }

  /** Whether the current token is the word `w` (keywords are case-sensitive in KQL). */
  isWord(w: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.text === w;
  }

  /** Consume punctuation `p` if it is next. */
  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.next();
    return true;
  }

  /** Consume the word `w` if it is next. */
  acceptWord(w: string): boolean {
    if (!this.isWord(w)) return false;
    this.next();
    return true;
  }

  /** Consume punctuation `p` or fail. */
  expectPunct(p: string): Token {
    if (!this.isPunct(p)) throw this.error('expected-token', { token: p, found: describe(this.peek()) });
    return this.next();
  }

  /** Consume the word `w` or fail. */
  expectWord(w: string): Token {
    if (!this.isWord(w)) throw this.error('expected-token', { token: w, found: describe(this.peek()) });
    return this.next();
  }

  /** Consume a name (plain or bracketed) or fail. */
  expectName(what: KqlThing): Token {
    const t = this.peek();
    if (t.kind !== 'ident' && t.kind !== 'bracketed') throw this.error('expected', { thing: what, found: describe(t) });
    return this.next();
  }

  /** Run `parse` one nesting level deeper; refuses queries nested deeper than MAX_NESTING instead of exhausting the stack. */
  nested<T>(parse: () => T): T {
    if (this.nesting >= MAX_NESTING) {
      throw kqlError('too-complex', 'nesting-too-deep', { max: MAX_NESTING }, positionOf(this.text, this.peek().offset));
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  /** A syntax error at the current token (or at `offset`). */
  error<R extends KqlReason>(reason: R, params: KqlParams<R>, offset = this.peek().offset): KqlError {
    return kqlError('syntax', reason, params, positionOf(this.text, offset));
  }
}

/** How a token is named in error messages: `end`, `string` or the token quoted (the message tables word the first two). */
export function describe(t: Token): string {
  if (t.kind === 'eof') return 'end';
  if (t.kind === 'string') return 'string';
  return `'${t.text}'`;
}
