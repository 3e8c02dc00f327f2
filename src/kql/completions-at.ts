/**
 * Completion at a cursor in KQL text: after `|` the operators; inside an expression the columns of the query's
 * table first, then functions and aggregates; after `Status ==` (or `in (`) the known values of the column.
 */
import { STATUSES, TABLES } from '../schema/index.js';
import { AGGREGATE_NAMES } from './compile/aggregates.js';
import { SCALAR_FUNCTIONS } from './compile/functions.js';
import { WINDOW_FUNCTIONS } from './compile/window-functions.js';
import { own } from './own.js';
import { OPERATOR_NAMES } from './syntax/parse-operator.js';

/** One suggestion, best first in the list it is in. */
export interface KqlSuggestion {
  readonly label: string;
  readonly kind: 'table' | 'column' | 'value' | 'operator' | 'function' | 'aggregate';
  readonly detail?: string;
}

/** Where the completed word starts, and the suggestions for it. */
export interface KqlCompletionsAt {
  readonly from: number;
  readonly suggestions: readonly KqlSuggestion[];
}

/** Values users filter on, by column name. */
const KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  Status: STATUSES,
  Direction: ['Inbound', 'Outbound', 'Internal', 'External'],
};

const startsWithIgnoringCase = (s: string, prefix: string): boolean => s.toLowerCase().startsWith(prefix.toLowerCase());

/** Suggestions for the word that ends at `offset` of `text`. */
export function kqlCompletionsAt(text: string, offset: number): KqlCompletionsAt {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const statement = before.slice(before.lastIndexOf(';') + 1);
  const firstWord = /^\s*([A-Za-z_]\w*)/.exec(statement)?.[1];
  const table = firstWord === undefined ? undefined : own(TABLES, firstWord);

  // A value of a known column: `Status == "Qu`, `Direction in ("Inbound", "Out`.
  const value = /\b([A-Za-z_]\w*)\s*(?:==|!=|=~|!~|!?in~?|has|contains|startswith)\s*\(?\s*(?:(["'])[^"']*\2\s*,\s*)*(["']?)(\w*)$/.exec(
    statement,
  );
  if (value) {
    const values = own(KNOWN_VALUES, value[1]!);
    if (values) {
      const prefix = value[4]!;
      const quote = value[3] ? '' : '"';
      return {
        from: before.length - prefix.length,
        suggestions: values
          .filter((v) => startsWithIgnoringCase(v, prefix))
          .map((v) => ({ label: quote ? `${quote}${v}${quote}` : v, kind: 'value', detail: value[1] })),
      };
    }
  }

  const word = /[\w-]*$/.exec(before)![0];
  const from = before.length - word.length;
  const match = (s: string): boolean => startsWithIgnoringCase(s, word);
  if (/\|\s*[\w-]*$/.test(before)) {
    return { from, suggestions: OPERATOR_NAMES.filter(match).map((o) => ({ label: o, kind: 'operator' })) };
  }
  if (table === undefined && /^\s*[\w-]*$/.test(statement)) {
    return {
      from,
      suggestions: Object.keys(TABLES)
        .filter(match)
        .map((t) => ({ label: t, kind: 'table' })),
    };
  }
  const columns: KqlSuggestion[] = (table?.columns ?? [])
    .filter((c) => match(c.name))
    .map((c) => ({ label: c.name, kind: 'column', detail: `${c.type} · ${table!.name}` }));
  const functions: KqlSuggestion[] = [...Object.keys(SCALAR_FUNCTIONS), ...WINDOW_FUNCTIONS.keys()]
    .filter(match)
    .sort()
    .map((f) => ({ label: f, kind: 'function' }));
  const aggregates: KqlSuggestion[] = [...AGGREGATE_NAMES]
    .filter(match)
    .sort()
    .map((f) => ({ label: f, kind: 'aggregate' }));
  const inSummarize = /\|\s*summarize\b[^|]*$/.test(statement);
  return { from, suggestions: inSummarize ? [...aggregates, ...columns, ...functions] : [...columns, ...functions, ...aggregates] };
}
