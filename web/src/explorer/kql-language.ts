// A light KQL mode for CodeMirror: highlighting of tables, operators, functions, strings and comments,
// and completion from the server's list of tables, columns, operators and functions.
import type { CompletionContext, CompletionResult, Completion } from '@codemirror/autocomplete';
import { StreamLanguage, type StreamParser } from '@codemirror/language';

/** What /api/kql/completions returns. */
export interface KqlCompletions {
  tables: { name: string; doc: string; columns: { name: string; type: string; doc?: string }[] }[];
  operators: string[];
  scalarOperators: string[];
  functions: string[];
  aggregates: string[];
}

const KEYWORDS = new Set([
  'by',
  'on',
  'kind',
  'with',
  'asc',
  'desc',
  'and',
  'or',
  'not',
  'in',
  'has',
  'contains',
  'startswith',
  'endswith',
  'between',
  'let',
  'true',
  'false',
  'nulls',
  'first',
  'last',
  'matches',
  'regex',
  'inner',
  'leftouter',
  'leftanti',
  'leftsemi',
  'innerunique',
]);

/** A StreamLanguage for KQL; `tables` and `operators` come from the server. */
export function kqlLanguage(words: { tables: Set<string>; operators: Set<string> }): StreamLanguage<{ afterPipe: boolean }> {
  const parser: StreamParser<{ afterPipe: boolean }> = {
    name: 'kql',
    startState: () => ({ afterPipe: false }),
    token(stream, state) {
      if (stream.eatSpace()) return null;
      if (stream.match('//')) {
        stream.skipToEnd();
        return 'comment';
      }
      const ch = stream.peek();
      if (ch === '"' || ch === "'") {
        const quote = stream.next();
        let escaped = false;
        for (let c = stream.next(); c !== undefined; c = stream.next()) {
          if (c === quote && !escaped) break;
          escaped = !escaped && c === '\\';
        }
        return 'string';
      }
      if (stream.match(/^@["']/)) {
        const quote = stream.current().slice(-1);
        while (!stream.eol()) if (stream.next() === quote) break;
        return 'string';
      }
      if (stream.match(/^\d+(\.\d+)?(d|h|m|s|ms|tick)?\b/)) return 'number';
      if (ch === '|') {
        stream.next();
        state.afterPipe = true;
        return 'operator';
      }
      if (stream.match(/^[A-Za-z_][\w-]*/)) {
        const word = stream.current();
        const wasAfterPipe = state.afterPipe;
        state.afterPipe = false;
        if (wasAfterPipe && words.operators.has(word)) return 'keyword';
        if (words.tables.has(word)) return 'typeName';
        if (KEYWORDS.has(word)) return 'keyword';
        if (stream.peek() === '(') return 'function';
        return 'variableName';
      }
      stream.next();
      return /[=<>!~+\-*/%]/.test(ch ?? '') ? 'operator' : 'punctuation';
    },
  };
  return StreamLanguage.define(parser);
}

/** What /api/kql/complete returns: where the completed word starts, and suggestions best first. */
export interface KqlCompletionsAt {
  from: number;
  suggestions: { label: string; kind: 'table' | 'column' | 'value' | 'operator' | 'function' | 'aggregate'; detail?: string }[];
}

/** Asks the server for the suggestions at `offset` of `text`. */
export type CompleteAt = (text: string, offset: number) => Promise<KqlCompletionsAt>;

const TYPES: Record<KqlCompletionsAt['suggestions'][number]['kind'], string> = {
  table: 'class',
  column: 'property',
  value: 'enum',
  operator: 'keyword',
  function: 'function',
  aggregate: 'function',
};

/**
 * A completion source that asks the server at the cursor (the query's table's columns first, known values of
 * Status and Direction after `==`, operators after `|`), keeping the server's order; `fallback` answers when the
 * server cannot.
 */
export function kqlServerCompletionSource(completeAt: CompleteAt, fallback?: ReturnType<typeof kqlCompletionSource>) {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const word = ctx.matchBefore(/[\w-]*/);
    const before = ctx.state.sliceDoc(Math.max(0, ctx.pos - 200), ctx.pos);
    // Typing opens the list on a word, after `|`, after a comparison or in a list of values.
    if (!ctx.explicit && (!word || word.from === word.to) && !/(\||==|!=|=~|\(|,)\s*["']?$/.test(before)) return null;
    let answer: KqlCompletionsAt;
    try {
      answer = await completeAt(ctx.state.doc.toString(), ctx.pos);
    } catch {
      return fallback ? fallback(ctx) : null;
    }
    if (ctx.aborted || answer.suggestions.length === 0) return null;
    const options: Completion[] = answer.suggestions.map((s, i) => ({
      label: s.label,
      type: TYPES[s.kind],
      ...(s.detail !== undefined ? { detail: s.detail } : s.kind === 'aggregate' ? { detail: 'aggregate' } : {}),
      ...(s.kind === 'function' || s.kind === 'aggregate' ? { apply: `${s.label}(` } : {}),
      // The server ranks; CodeMirror's own ranking by match quality only breaks ties.
      boost: Math.max(-99, 99 - i),
    }));
    return { from: answer.from, options, validFor: /^[\w-]*$/ };
  };
}

/** A completion source over the server's lists. */
export function kqlCompletionSource(c: KqlCompletions) {
  const options: Completion[] = [
    ...c.tables.map((t) => ({ label: t.name, type: 'class', info: t.doc })),
    ...c.tables.flatMap((t) =>
      t.columns.map((col) => ({ label: col.name, type: 'property', detail: `${col.type} · ${t.name}`, info: col.doc })),
    ),
    ...c.operators.map((o) => ({ label: o, type: 'keyword' })),
    ...c.functions.map((f) => ({ label: f, type: 'function', apply: `${f}(` })),
    ...c.aggregates.map((f) => ({ label: f, type: 'function', detail: 'aggregate', apply: `${f}(` })),
  ];
  const seen = new Set<string>();
  const unique = options.filter((o) => {
    const key = `${o.type}:${o.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[\w-]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    return { from: word.from, options: unique, validFor: /^[\w-]*$/ };
  };
}
