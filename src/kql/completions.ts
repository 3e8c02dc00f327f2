/** What the KQL editor can complete: tables with their columns, operators, scalar functions and aggregates. */
import type { ColumnType } from '../schema/index.js';
import { TABLES } from '../schema/index.js';
import { AGGREGATE_NAMES } from './compile/aggregates.js';
import { SCALAR_FUNCTIONS } from './compile/functions.js';
import { WINDOW_FUNCTIONS } from './compile/window-functions.js';
import { STRING_OPERATORS } from './syntax/parse-expression.js';
import { OPERATOR_NAMES } from './syntax/parse-operator.js';

/** The completion lists of the supported subset. */
export interface KqlCompletions {
  tables: { name: string; doc: string; columns: { name: string; type: ColumnType; doc?: string }[] }[];
  /** Tabular operators after `|`. */
  operators: string[];
  /** Scalar operators (==, has, in~, between, ...). */
  scalarOperators: string[];
  functions: string[];
  aggregates: string[];
}

/** Tables, operators and functions of the subset, for editor completion. */
export function kqlCompletions(): KqlCompletions {
  return {
    tables: Object.values(TABLES).map((t) => ({
      name: t.name,
      doc: t.doc,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type, ...(c.doc ? { doc: c.doc } : {}) })),
    })),
    operators: [...OPERATOR_NAMES],
    scalarOperators: [
      '==',
      '!=',
      '=~',
      '!~',
      '<',
      '<=',
      '>',
      '>=',
      'and',
      'or',
      'in',
      '!in',
      'in~',
      '!in~',
      'has_any',
      'has_all',
      'between',
      '!between',
      'matches regex',
      ...STRING_OPERATORS,
    ],
    functions: [...Object.keys(SCALAR_FUNCTIONS), 'typeof', ...WINDOW_FUNCTIONS.keys()].sort(),
    aggregates: [...AGGREGATE_NAMES].sort(),
  };
}
