/** A parser for the STIX 2.1 patterning language (the parts of its grammar needed to read indicators). */

/** A literal of a comparison. */
export type PatternValue =
  | { kind: 'string'; value: string }
  | { kind: 'number' | 'bool' | 'timestamp' | 'hex' | 'binary'; raw: string }
  | { kind: 'set'; values: PatternValue[] };

/** A comparison or a boolean combination of comparisons (inside `[...]`). */
export type ComparisonNode =
  | { kind: 'cmp'; path: string; op: string; negated: boolean; value: PatternValue | null }
  | { kind: 'and' | 'or'; left: ComparisonNode; right: ComparisonNode };

/** An observation expression or a combination of them. */
export type ObservationNode =
  | { kind: 'observation'; expr: ComparisonNode; qualifiers: string[] }
  | { kind: 'obs-and' | 'obs-or' | 'followedby'; left: ObservationNode; right: ObservationNode; qualifiers: string[] };

/** A syntax error, with the character offset where it was found. */
export class StixPatternError extends Error {
  readonly code = 'STIX_PATTERN_SYNTAX';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'StixPatternError';
  }
}

type TokenKind = 'punct' | 'op' | 'string' | 'literal' | 'number' | 'word' | 'path' | 'eof';
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
  /** Decoded value of string-like literals. */
  value?: string;
}

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'ISSUPERSET',
  'IN',
  'EXISTS',
  'WITHIN',
  'SECONDS',
  'REPEATS',
  'TIMES',
  'START',
  'STOP',
  'TRUE',
  'FALSE',
]);

/** Reads a quoted string starting at `i` (the opening quote); `\'` and `\\` are the only escapes STIX allows. */
function readQuoted(src: string, i: number): { value: string; end: number } {
  let out = '';
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j]!;
    if (c === '\\') {
      const n = src[j + 1];
      if (n !== "'" && n !== '\\') throw new StixPatternError(`invalid escape \\${n ?? ''}`, j);
      out += n;
      j++;
    } else if (c === "'") {
      return { value: out, end: j + 1 };
    } else out += c;
  }
  throw new StixPatternError('unterminated string', i);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('[](),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, offset: i });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['!=', '<>', '<=', '>=', '=='].includes(two)) {
      tokens.push({ kind: 'op', text: two === '==' ? '=' : two === '<>' ? '!=' : two, offset: i });
      i += 2;
      continue;
    }
    if ('=<>'.includes(c)) {
      tokens.push({ kind: 'op', text: c, offset: i });
      i++;
      continue;
    }
    if (c === "'") {
      const { value, end } = readQuoted(src, i);
      tokens.push({ kind: 'string', text: src.slice(i, end), offset: i, value });
      i = end;
      continue;
    }
    if (/[thb]/.test(c) && src[i + 1] === "'") {
      const { value, end } = readQuoted(src, i + 1);
      tokens.push({ kind: 'literal', text: c, offset: i, value });
      i = end;
      continue;
    }
    const num = /^[-+]?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], offset: i });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_-]+/.exec(src.slice(i));
    if (!word) throw new StixPatternError(`unexpected character ${JSON.stringify(c)}`, i);
    const start = i;
    i += word[0].length;
    if (src[i] !== ':') {
      tokens.push({ kind: 'word', text: word[0], offset: start });
      continue;
    }
    // An object path: type ':' property ( '.' property | '[' index ']' | quoted property )*
    i++;
    let path = `${word[0]}:`;
    while (i < src.length) {
      const d = src[i]!;
      if (/[A-Za-z0-9_.-]/.test(d)) {
        path += d;
        i++;
        continue;
      }
      if (d === "'") {
        const q = readQuoted(src, i);
        path += q.value;
        i = q.end;
        continue;
      }
      if (d === '[') {
        const close = src.indexOf(']', i);
        const index = close < 0 ? '' : src.slice(i + 1, close);
        if (!/^(\d+|\*)$/.test(index)) break;
        path += `[${index}]`;
        i = close + 1;
        continue;
      }
      break;
    }
    tokens.push({ kind: 'path', text: path, offset: start });
  }
  tokens.push({ kind: 'eof', text: '', offset: src.length });
  return tokens;
}

/** Parses a STIX pattern into a tree; throws StixPatternError on bad syntax. */
export function parseStixPattern(src: string): ObservationNode {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const isWord = (t: Token, w: string): boolean => t.kind === 'word' && t.text.toUpperCase() === w;
  const expectPunct = (p: string): void => {
    const t = tokens[pos++]!;
    if (t.kind !== 'punct' || t.text !== p) throw new StixPatternError(`expected ${p}, found ${t.text || 'end'}`, t.offset);
  };

  const qualifiers = (): string[] => {
    const out: string[] = [];
    for (;;) {
      const t = peek();
      if (isWord(t, 'WITHIN')) {
        pos++;
        const n = tokens[pos++]!;
        const unit = tokens[pos++]!;
        if (n.kind !== 'number' || !isWord(unit, 'SECONDS')) throw new StixPatternError('bad WITHIN qualifier', t.offset);
        out.push(`WITHIN ${n.text} SECONDS`);
      } else if (isWord(t, 'REPEATS')) {
        pos++;
        const n = tokens[pos++]!;
        const unit = tokens[pos++]!;
        if (n.kind !== 'number' || !isWord(unit, 'TIMES')) throw new StixPatternError('bad REPEATS qualifier', t.offset);
        out.push(`REPEATS ${n.text} TIMES`);
      } else if (isWord(t, 'START')) {
        pos++;
        const a = tokens[pos++]!;
        const stop = tokens[pos++]!;
        const b = tokens[pos++]!;
        if (a.kind !== 'literal' || !isWord(stop, 'STOP') || b.kind !== 'literal')
          throw new StixPatternError('bad START/STOP qualifier', t.offset);
        out.push(`START ${a.value} STOP ${b.value}`);
      } else return out;
    }
  };

  const literal = (): PatternValue => {
    const t = tokens[pos++]!;
    if (t.kind === 'string') return { kind: 'string', value: t.value! };
    if (t.kind === 'number') return { kind: 'number', raw: t.text };
    if (t.kind === 'literal') return { kind: t.text === 't' ? 'timestamp' : t.text === 'h' ? 'hex' : 'binary', raw: t.value! };
    if (isWord(t, 'TRUE') || isWord(t, 'FALSE')) return { kind: 'bool', raw: t.text.toLowerCase() };
    if (t.kind === 'punct' && t.text === '(') {
      const values: PatternValue[] = [];
      if (!(peek().kind === 'punct' && peek().text === ')')) {
        for (;;) {
          values.push(literal());
          if (peek().kind === 'punct' && peek().text === ',') {
            pos++;
            continue;
          }
          break;
        }
      }
      expectPunct(')');
      return { kind: 'set', values };
    }
    throw new StixPatternError(`expected a value, found ${t.text || 'end'}`, t.offset);
  };

  const propTest = (): ComparisonNode => {
    const t = peek();
    if (t.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = comparisonOr();
      expectPunct(')');
      return inner;
    }
    if (isWord(t, 'EXISTS')) {
      pos++;
      const p = tokens[pos++]!;
      if (p.kind !== 'path') throw new StixPatternError('EXISTS needs an object path', p.offset);
      return { kind: 'cmp', path: p.text, op: 'EXISTS', negated: false, value: null };
    }
    if (t.kind !== 'path') throw new StixPatternError(`expected an object path, found ${t.text || 'end'}`, t.offset);
    pos++;
    let negated = false;
    if (isWord(peek(), 'NOT')) {
      negated = true;
      pos++;
    }
    const op = tokens[pos++]!;
    const opText = op.kind === 'op' ? op.text : op.kind === 'word' && KEYWORDS.has(op.text.toUpperCase()) ? op.text.toUpperCase() : '';
    if (!['=', '!=', '<', '>', '<=', '>=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(opText)) {
      throw new StixPatternError(`expected a comparison operator, found ${op.text || 'end'}`, op.offset);
    }
    return { kind: 'cmp', path: t.text, op: opText, negated, value: literal() };
  };

  const comparisonAnd = (): ComparisonNode => {
    let left = propTest();
    while (isWord(peek(), 'AND')) {
      pos++;
      left = { kind: 'and', left, right: propTest() };
    }
    return left;
  };
  function comparisonOr(): ComparisonNode {
    let left = comparisonAnd();
    while (isWord(peek(), 'OR')) {
      pos++;
      left = { kind: 'or', left, right: comparisonAnd() };
    }
    return left;
  }

  const observation = (): ObservationNode => {
    const t = peek();
    if (t.kind === 'punct' && t.text === '[') {
      pos++;
      const expr = comparisonOr();
      expectPunct(']');
      return { kind: 'observation', expr, qualifiers: qualifiers() };
    }
    if (t.kind === 'punct' && t.text === '(') {
      pos++;
      const inner = observationsFollowed();
      expectPunct(')');
      const q = qualifiers();
      return q.length ? { ...inner, qualifiers: [...inner.qualifiers, ...q] } : inner;
    }
    throw new StixPatternError(`expected [ or (, found ${t.text || 'end'}`, t.offset);
  };
  const observationsAnd = (): ObservationNode => {
    let left = observation();
    while (isWord(peek(), 'AND')) {
      pos++;
      left = { kind: 'obs-and', left, right: observation(), qualifiers: [] };
    }
    return left;
  };
  const observationsOr = (): ObservationNode => {
    let left = observationsAnd();
    while (isWord(peek(), 'OR')) {
      pos++;
      left = { kind: 'obs-or', left, right: observationsAnd(), qualifiers: [] };
    }
    return left;
  };
  function observationsFollowed(): ObservationNode {
    let left = observationsOr();
    while (isWord(peek(), 'FOLLOWEDBY')) {
      pos++;
      left = { kind: 'followedby', left, right: observationsOr(), qualifiers: [] };
    }
    return left;
  }

  const tree = observationsFollowed();
  if (peek().kind !== 'eof') throw new StixPatternError(`unexpected ${peek().text}`, peek().offset);
  return tree;
}
