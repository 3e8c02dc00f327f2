/** Turns KQL text into tokens: identifiers, strings, numbers, timespans, datetime/dynamic literals, punctuation. */
import { kqlError } from '../kql-error.js';
import type { KqlParams, KqlReason } from '../messages/kql-error-text.js';
import type { Token } from './token.js';
import { positionOf } from './position.js';
import { own } from '../own.js';

const US_PER: Readonly<Record<string, number>> = {
  d: 86_400e6,
  day: 86_400e6,
  days: 86_400e6,
  h: 3_600e6,
  hr: 3_600e6,
  hrs: 3_600e6,
  hour: 3_600e6,
  hours: 3_600e6,
  m: 60e6,
  min: 60e6,
  minute: 60e6,
  minutes: 60e6,
  s: 1e6,
  sec: 1e6,
  second: 1e6,
  seconds: 1e6,
  ms: 1e3,
  milli: 1e3,
  millis: 1e3,
  millisecond: 1e3,
  milliseconds: 1e3,
  microsecond: 1,
  microseconds: 1,
  tick: 0.1,
  ticks: 0.1,
};

const HYPHENATED = new Set([
  'project-away',
  'project-rename',
  'project-keep',
  'project-reorder',
  'mv-expand',
  'mv-apply',
  'parse-where',
  'parse-kv',
  'make-series',
  'top-nested',
  'top-hitters',
]);

const PUNCT3 = ['!in~'];
const PUNCT2 = ['==', '!=', '<>', '=~', '!~', '<=', '>=', '..', '=>'];
const PUNCT1 = '|()[]{},;=<>+-*/%.:';

const isIdentStart = (c: string): boolean => /[A-Za-z_$]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Throws the syntax error `reason` at offset `at`. */
type Fail = <R extends KqlReason>(reason: R, params: KqlParams<R>, at: number) => never;

/** Tokenize KQL text; throws KqlError('syntax') on a malformed token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const fail: Fail = (reason, params, at) => {
    throw kqlError('syntax', reason, params, positionOf(text, at));
  };
  /** A timespan token of `ticks` (100 ns): its value in microseconds, and its ticks when they are no whole microsecond. */
  const timespan = (ticks: number, from: number, to: number, negative = false): Token => {
    const us = Math.trunc(ticks / 10) * (negative ? -1 : 1);
    // One not a whole number of microseconds keeps its ticks: the compiler keeps them (compile/ticks.ts).
    const fine = ticks % 10 !== 0 ? { ticks: negative ? -ticks : ticks } : {};
    return { kind: 'timespan', text: text.slice(from, to), value: us === 0 ? 0 : us, offset: from, end: to, ...fine };
  };
  const push = (t: Token): void => {
    tokens.push(t);
  };

  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u00a0') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // Strings: "..." '...' with escapes; @"..." verbatim; h"..." obfuscated (kept as plain text).
    if (c === '"' || c === "'" || ((c === '@' || c === 'h' || c === 'H') && (text[i + 1] === '"' || text[i + 1] === "'"))) {
      const verbatim = c === '@';
      if (c !== '"' && c !== "'") i++;
      const { value, end } = readString(text, i, verbatim, fail);
      push({ kind: 'string', text: value, offset: start, end });
      i = end;
      continue;
    }
    if (c === '[' && (text[i + 1] === '"' || text[i + 1] === "'")) {
      const { value, end } = readString(text, i + 1, false, fail);
      let j = end;
      while (j < n && /\s/.test(text[j]!)) j++;
      // Else a list that starts with a string (datatable(...)["a", "b"]): '[' is punctuation.
      if (text[j] === ']') {
        push({ kind: 'bracketed', text: value, offset: start, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      let j = i;
      while (j < n && isDigit(text[j]!)) j++;
      let integer = true;
      if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
        integer = false;
        j++;
        while (j < n && isDigit(text[j]!)) j++;
      }
      if ((text[j] === 'e' || text[j] === 'E') && /[0-9+-]/.test(text[j + 1] ?? '')) {
        const k = j + 1 + (text[j + 1] === '+' || text[j + 1] === '-' ? 1 : 0);
        if (isDigit(text[k] ?? '')) {
          integer = false;
          j = k;
          while (j < n && isDigit(text[j]!)) j++;
        }
      }
      const num = Number(text.slice(i, j));
      if (j < n && /[A-Za-z]/.test(text[j]!)) {
        let k = j;
        while (k < n && /[A-Za-z]/.test(text[k]!)) k++;
        const unit = text.slice(j, k).toLowerCase();
        const per = own(US_PER, unit);
        if (per === undefined) fail('unknown-timespan-unit', { unit: text.slice(j, k) }, j);
        // Rounded to whole ticks first: 4.35 * 1e6 is 4349999.999999999 in floating point.
        push(timespan(Math.round(num * per! * 10), start, k));
        i = k;
        continue;
      }
      push({ kind: 'number', text: text.slice(i, j), value: num, integer, offset: start, end: j });
      i = j;
      continue;
    }
    if (c === '!' && isIdentStart(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && isIdentPart(text[j]!)) j++;
      if (text[j] === '~') j++;
      push({ kind: 'ident', text: text.slice(i, j), offset: start, end: j });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text[j]!)) j++;
      let word = text.slice(i, j);
      if (text[j] === '-' && isIdentStart(text[j + 1] ?? '')) {
        let k = j + 1;
        while (k < n && isIdentPart(text[k]!)) k++;
        const joined = `${word}-${text.slice(j + 1, k)}`;
        if (HYPHENATED.has(joined.toLowerCase())) {
          word = joined;
          j = k;
        }
      }
      if (word === 'in' && text[j] === '~') {
        word = 'in~';
        j++;
      }
      // time(1.02:03:04.5) and timespan(...): a timespan written as [-][d.]hh:mm[:ss[.fffffff]].
      const clock = word === 'time' || word === 'timespan' ? TIMESPAN_TEXT.exec(text.slice(j)) : null;
      if (clock) {
        const [all, sign, d, h, m, sec, frac] = clock;
        const ticks =
          ((Number(d ?? 0) * 24 + Number(h)) * 3600 + Number(m) * 60 + Number(sec ?? 0)) * 1e7 + Number((frac ?? '').padEnd(7, '0'));
        push(timespan(ticks, start, j + all.length, sign !== undefined));
        i = j + all.length;
        continue;
      }
      if ((word === 'datetime' || word === 'dynamic') && nextNonSpace(text, j) === '(') {
        const open = text.indexOf('(', j);
        const close = word === 'datetime' ? text.indexOf(')', open) : matchParen(text, open);
        if (close < 0) fail('unterminated-literal', { type: word }, start);
        push({ kind: word, text: text.slice(open + 1, close).trim(), offset: start, end: close + 1 });
        i = close + 1;
        continue;
      }
      push({ kind: 'ident', text: word, offset: start, end: j });
      i = j;
      continue;
    }
    const p3 = PUNCT3.find((p) => text.startsWith(p, i));
    const p2 = p3 ?? PUNCT2.find((p) => text.startsWith(p, i));
    const p = p2 ?? (PUNCT1.includes(c) ? c : undefined);
    if (p === undefined) fail('unexpected-character', { char: c }, i);
    push({ kind: 'punct', text: p!, offset: start, end: i + p!.length });
    i += p!.length;
  }
  push({ kind: 'eof', text: '', offset: n, end: n });
  return tokens;
}

const TIMESPAN_TEXT = /^\s*\(\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*\)/;

function nextNonSpace(text: string, from: number): string | undefined {
  let j = from;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  return text[j];
}

/** Index of the ')' matching the '(' at `open`, skipping strings; -1 when unbalanced. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '"' || ch === "'") {
      j++;
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\') j++;
        j++;
      }
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j;
  }
  return -1;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

function readString(text: string, at: number, verbatim: boolean, fail: Fail): { value: string; end: number } {
  const quote = text[at]!;
  let j = at + 1;
  let out = '';
  for (;;) {
    if (j >= text.length || text[j] === '\n') fail('unterminated-string', {}, at);
    const ch = text[j]!;
    if (ch === quote) {
      if (verbatim && text[j + 1] === quote) {
        out += quote;
        j += 2;
        continue;
      }
      return { value: out, end: j + 1 };
    }
    if (ch === '\\' && !verbatim) {
      const e = text[j + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
        out += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
        j += 6;
        continue;
      }
      const mapped = ESCAPES[e];
      if (mapped === undefined) fail('unknown-escape', { escape: e }, j);
      out += mapped;
      j += 2;
      continue;
    }
    out += ch;
    j++;
  }
}
