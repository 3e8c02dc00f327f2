/** Parses KQL scalar expressions by precedence: or < and < comparisons and string operators < + - < * / % < unary < postfix. */
import type { ColumnType } from '../../schema/index.js';
import type { AssignmentNode, ExprNode, LiteralNode, PipelineNode } from '../ast/index.js';
import { parseTime } from '../../schema/index.js';
import type { TokenStream } from './token-stream.js';
import type { Token } from './token.js';
import { describe } from './token-stream.js';
import { startsPipeline } from './starts-pipeline.js';
import { kqlError } from '../kql-error.js';
import { MAX_NESTING } from '../limits.js';
import { positionOf } from './position.js';
import { own } from '../own.js';

/** Parses a pipeline; injected to break the module cycle between expressions and tabular operators. */
export type PipelineParser = (ts: TokenStream) => PipelineNode;

const COMPARISON = new Set(['==', '!=', '<>', '=~', '!~', '<', '<=', '>', '>=']);
/** Word operators between two scalars (negated forms start with '!'). */
export const STRING_OPERATORS = [
  'has',
  '!has',
  'has_cs',
  '!has_cs',
  'hasprefix',
  '!hasprefix',
  'hassuffix',
  '!hassuffix',
  'contains',
  '!contains',
  'contains_cs',
  '!contains_cs',
  'startswith',
  '!startswith',
  'startswith_cs',
  '!startswith_cs',
  'endswith',
  '!endswith',
  'endswith_cs',
  '!endswith_cs',
] as const;
const STRING_OPS = new Set<string>(STRING_OPERATORS);
const SET_OPS = new Set(['in', '!in', 'in~', '!in~', 'has_any', 'has_all']);
/** `and`/`or` chains up to this length stay left-deep (the SQL reads as written); longer ones are balanced. */
const LEFT_DEEP_CHAIN = 32;

/** Typed constructors written like calls: long(5), int(null), timespan(1h), bool(true). */
const LITERAL_TYPES: Readonly<Record<string, ColumnType>> = {
  long: 'long',
  int: 'int',
  real: 'real',
  double: 'real',
  bool: 'bool',
  boolean: 'bool',
  string: 'string',
  timespan: 'timespan',
  time: 'timespan',
};

/** Scalar expression parser. */
export class ExpressionParser {
  constructor(
    private readonly ts: TokenStream,
    private readonly pipeline: PipelineParser,
  ) {}

  /** A full expression. */
  expression(): ExprNode {
    return this.ts.nested(() => this.or());
  }

  /** `Name = expr` or a bare expression. */
  assignment(): AssignmentNode {
    const t = this.ts.peek();
    const names = this.nameTuple();
    if (names) return { kind: 'Assignment', name: undefined, names, expr: this.expression(), pos: t.offset };
    if ((t.kind === 'ident' || t.kind === 'bracketed') && this.ts.isPunct('=', 1)) {
      this.ts.next();
      this.ts.next();
      return { kind: 'Assignment', name: t.text, expr: this.expression(), pos: t.offset };
    }
    return { kind: 'Assignment', name: undefined, expr: this.expression(), pos: t.offset };
  }

  /** `(a, b, ...) =` before the expression of a function that gives several columns; undefined (nothing read) otherwise. */
  private nameTuple(): string[] | undefined {
    if (!this.ts.isPunct('(')) return undefined;
    let i = 1;
    for (;;) {
      const k = this.ts.peek(i).kind;
      if (k !== 'ident' && k !== 'bracketed') return undefined;
      if (this.ts.isPunct(')', i + 1)) break;
      if (!this.ts.isPunct(',', i + 1)) return undefined;
      i += 2;
    }
    if (!this.ts.isPunct('=', i + 2)) return undefined;
    this.ts.next();
    const names: string[] = [];
    do names.push(this.ts.next().text);
    while (this.ts.acceptPunct(','));
    this.ts.expectPunct(')');
    this.ts.expectPunct('=');
    return names;
  }

  /** Comma-separated assignments (at least one). */
  assignments(): AssignmentNode[] {
    const out = [this.assignment()];
    while (this.ts.acceptPunct(',')) out.push(this.assignment());
    return out;
  }

  private or(): ExprNode {
    return this.logical('or', () => this.and());
  }

  private and(): ExprNode {
    return this.logical('and', () => this.comparison());
  }

  /** `x op y op z ...`: left-deep, except long chains (generated queries) are balanced to keep the tree shallow. */
  private logical(op: 'and' | 'or', operand: () => ExprNode): ExprNode {
    const operands = [operand()];
    const positions: number[] = [];
    while (this.ts.isWord(op)) {
      positions.push(this.ts.next().offset);
      operands.push(operand());
    }
    if (operands.length <= LEFT_DEEP_CHAIN) {
      return operands.reduce((left, right, i) => ({ kind: 'Binary', op, left, right, pos: positions[i - 1]! }));
    }
    const build = (from: number, to: number): ExprNode => {
      if (to - from === 1) return operands[from]!;
      const mid = (from + to) >> 1;
      return { kind: 'Binary', op, left: build(from, mid), right: build(mid, to), pos: positions[mid - 1]! };
    };
    return build(0, operands.length);
  }

  private comparison(): ExprNode {
    let left = this.additive();
    for (;;) {
      const t = this.ts.peek();
      if (t.kind === 'punct' && COMPARISON.has(t.text)) {
        this.ts.next();
        left = { kind: 'Binary', op: t.text === '<>' ? '!=' : t.text, left, right: this.additive(), pos: t.offset };
      } else if (t.kind === 'ident' && STRING_OPS.has(t.text)) {
        this.ts.next();
        left = { kind: 'Binary', op: t.text, left, right: this.additive(), pos: t.offset };
      } else if (t.kind === 'ident' && t.text === 'matches') {
        this.ts.next();
        this.ts.expectWord('regex');
        left = { kind: 'Binary', op: 'matches regex', left, right: this.additive(), pos: t.offset };
      } else if ((t.kind === 'ident' || t.kind === 'punct') && SET_OPS.has(t.text)) {
        this.ts.next();
        left = { kind: 'In', op: t.text as 'in', expr: left, values: this.setValues(), pos: t.offset };
      } else if (t.kind === 'ident' && (t.text === 'between' || t.text === '!between')) {
        this.ts.next();
        this.ts.expectPunct('(');
        const low = this.additive();
        this.ts.expectPunct('..');
        const high = this.additive();
        this.ts.expectPunct(')');
        left = { kind: 'Between', negated: t.text === '!between', expr: left, low, high, pos: t.offset };
      } else {
        return left;
      }
    }
  }

  /** `(a, b, ...)`, `(T | project X)`, or a single expression such as a dynamic literal or a let name. */
  private setValues(): readonly ExprNode[] | PipelineNode {
    if (!this.ts.isPunct('(')) return [this.additive()];
    if (startsPipeline(this.ts, 1)) {
      this.ts.next();
      const p = this.pipeline(this.ts);
      this.ts.expectPunct(')');
      return p;
    }
    this.ts.next();
    const values: ExprNode[] = [];
    if (!this.ts.isPunct(')')) {
      do values.push(this.expression());
      while (this.ts.acceptPunct(','));
    }
    this.ts.expectPunct(')');
    return values;
  }

  private additive(): ExprNode {
    let left = this.multiplicative();
    while (this.ts.isPunct('+') || this.ts.isPunct('-')) {
      const t = this.ts.next();
      left = { kind: 'Binary', op: t.text, left, right: this.multiplicative(), pos: t.offset };
    }
    return left;
  }

  private multiplicative(): ExprNode {
    let left = this.unary();
    while (this.ts.isPunct('*') || this.ts.isPunct('/') || this.ts.isPunct('%')) {
      const t = this.ts.next();
      left = { kind: 'Binary', op: t.text, left, right: this.unary(), pos: t.offset };
    }
    return left;
  }

  private unary(): ExprNode {
    if (this.ts.isPunct('-') || this.ts.isPunct('+')) {
      const t = this.ts.next();
      return { kind: 'Unary', op: t.text as '-', operand: this.ts.nested(() => this.unary()), pos: t.offset };
    }
    return this.postfix();
  }

  private postfix(): ExprNode {
    let e = this.primary();
    for (;;) {
      if (this.ts.isPunct('[')) {
        const pos = this.ts.next().offset;
        const index = this.expression();
        this.ts.expectPunct(']');
        e = { kind: 'Index', target: e, index, pos };
      } else if (this.ts.peek().kind === 'bracketed' && this.ts.peek().offset === this.ts.previousEnd()) {
        // d["key"] and d['key'] lex as a bracketed name right after the value.
        const t = this.ts.next();
        e = { kind: 'Index', target: e, index: lit('string', t.text, t.offset + 1), pos: t.offset };
      } else if (this.ts.isPunct('.') && this.ts.peek(1).kind === 'ident') {
        const pos = this.ts.next().offset;
        e = { kind: 'Member', target: e, name: this.ts.next().text, pos };
      } else {
        return e;
      }
    }
  }

  private primary(): ExprNode {
    const ts = this.ts;
    const t = ts.peek();
    switch (t.kind) {
      case 'string':
        ts.next();
        return lit('string', t.text, t.offset);
      case 'number':
        ts.next();
        if (t.integer && !Number.isSafeInteger(t.value!)) return { ...lit('long', t.value!, t.offset), digits: t.text };
        return lit(t.integer ? 'long' : 'real', t.value!, t.offset);
      case 'timespan':
        ts.next();
        return timespanLiteral(t);
      case 'datetime':
        ts.next();
        return this.datetimeLiteral(t.text, t.offset);
      case 'dynamic':
        ts.next();
        return this.dynamicLiteral(t.text, t.offset);
      case 'bracketed':
        ts.next();
        return { kind: 'Name', name: t.text, bracketed: true, pos: t.offset };
      case 'punct':
        if (t.text === '(') {
          ts.next();
          const e = this.expression();
          ts.expectPunct(')');
          return e;
        }
        if (t.text === '*') {
          ts.next();
          return { kind: 'Star', pos: t.offset };
        }
        break;
      case 'ident': {
        if (t.text === 'toscalar' && ts.isPunct('(', 1) && startsPipeline(ts, 2)) {
          ts.next();
          ts.next();
          const pipeline = this.pipeline(ts);
          ts.expectPunct(')');
          return { kind: 'ToScalar', pipeline, pos: t.offset };
        }
        ts.next();
        if (t.text === 'true' || t.text === 'false') return lit('bool', t.text === 'true', t.offset);
        if (ts.isPunct('(')) {
          const literalType = own(LITERAL_TYPES, t.text);
          if (literalType) {
            const typed = this.typedLiteral(literalType, t.offset);
            if (typed) return typed;
          }
          ts.next();
          const args: ExprNode[] = [];
          if (!ts.isPunct(')')) {
            do args.push(this.expression());
            while (ts.acceptPunct(','));
          }
          ts.expectPunct(')');
          return { kind: 'Call', name: t.text, args, pos: t.offset };
        }
        return { kind: 'Name', name: t.text, bracketed: false, pos: t.offset };
      }
      default:
        break;
    }
    throw ts.error('expected', { thing: 'expression', found: describe(t) });
  }

  /** `long(null)`, `int(5)`, `timespan(1h)`: a literal when the argument is a literal or null. */
  private typedLiteral(type: ColumnType, pos: number): LiteralNode | undefined {
    const arg = this.ts.peek(1);
    if (!this.ts.isPunct(')', 2)) return undefined;
    let literal: LiteralNode;
    if (arg.kind === 'ident' && arg.text === 'null') literal = lit(type, null, pos);
    else if (arg.kind === 'number' && (type === 'long' || type === 'int' || type === 'real')) literal = lit(type, arg.value!, pos);
    else if (arg.kind === 'timespan' && type === 'timespan') literal = { ...timespanLiteral(arg), pos };
    else if (arg.kind === 'ident' && type === 'bool' && (arg.text === 'true' || arg.text === 'false'))
      literal = lit(type, arg.text === 'true', pos);
    else if (arg.kind === 'string' && type === 'string') literal = lit(type, arg.text, pos);
    else return undefined;
    this.ts.next();
    this.ts.next();
    this.ts.next();
    return literal;
  }

  private datetimeLiteral(raw: string, pos: number): LiteralNode {
    if (raw === 'null') return lit('datetime', null, pos);
    const s = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw;
    const ms = parseTime(s);
    if (Number.isNaN(ms)) throw this.ts.error('invalid-datetime', { text: raw }, pos);
    // parseTime keeps milliseconds; the 4th to 6th fraction digits are kept as a fraction of one (microseconds),
    // the 7th as the literal's tick.
    const below = /:\d{2}[.,]\d{3}(\d{1,4})/.exec(s)?.[1];
    const micros = below?.slice(0, 3);
    const tick = Number(below?.[3] ?? 0);
    const literal = lit('datetime', micros === undefined ? ms : ms + Number(micros.padEnd(3, '0')) / 1000, pos);
    return tick === 0 ? literal : { ...literal, tick };
  }

  private dynamicLiteral(raw: string, pos: number): LiteralNode {
    if (jsonNesting(raw) > MAX_NESTING) {
      throw kqlError('too-complex', 'dynamic-too-deep', { max: MAX_NESTING }, positionOf(this.ts.text, pos));
    }
    try {
      const value = JSON.parse(raw) as LiteralNode['value'];
      return lit('dynamic', value, pos);
    } catch {
      throw this.ts.error('dynamic-not-json', {}, pos);
    }
  }
}

function lit(type: ColumnType, value: LiteralNode['value'], pos: number): LiteralNode {
  return { kind: 'Literal', type, value, pos };
}

/** The deepest nesting of [ and { in JSON text (outside strings). */
function jsonNesting(raw: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') {
      for (i++; i < raw.length && raw[i] !== '"'; i++) if (raw[i] === '\\') i++;
    } else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

/** A timespan token as a literal: its microseconds, and the ticks below them. */
function timespanLiteral(t: Token): LiteralNode {
  const literal = lit('timespan', t.value!, t.offset);
  const tick = t.ticks === undefined ? 0 : t.ticks - t.value! * 10;
  return tick === 0 ? literal : { ...literal, tick };
}
