/** Tokens of the KQL lexer. */

/** Kinds of token: words (identifiers and keywords), literals and punctuation. */
export type TokenKind =
  | 'ident' // names and keywords, also hyphenated ones (project-away) and negated operators (!has)
  | 'bracketed' // ['name'] or ["name"]
  | 'string'
  | 'number'
  | 'timespan' // 30m, 1.5h (value in microseconds)
  | 'datetime' // datetime(...) with its raw text
  | 'dynamic' // dynamic(...) with its raw text
  | 'punct'
  | 'eof';

/** One token with its 0-based offset into the text. */
export interface Token {
  readonly kind: TokenKind;
  /** Source text of punctuation, the name of an identifier, or the decoded value of a string. */
  readonly text: string;
  /** Numeric value of number and timespan tokens (timespan in microseconds). */
  readonly value?: number;
  /** A timespan not a whole number of microseconds (15ticks): its 100 ns ticks (its value is the microseconds in them). */
  readonly ticks?: number;
  /** Whether a number token was written as an integer. */
  readonly integer?: boolean;
  readonly offset: number;
  readonly end: number;
}
