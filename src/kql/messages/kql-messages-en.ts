/**
 * The KQL engine's error texts in English: one text per stable reason code (KqlError.reason), given its
 * parameters (KqlError.params). Every other language has a table of the same shape (kql-messages-ja.ts).
 * A new error is one entry here, one in each other table, and `ctx.error(code, reason, params, pos)`.
 */

/** How a token is named: `end` (the end of the query), `string` (a string literal), or the token quoted. */
const found = (f: string): string => (f === 'end' ? 'the end of the query' : f === 'string' ? 'a string' : f);
const didYouMean = (suggestion: string | undefined): string => (suggestion ? ` — did you mean ${suggestion}?` : '');
const s = (n: number | string): string => (String(n) === '1' ? '' : 's');

/** What the parser expected where it found something else (`expected X but found Y`). */
const things = {
  expression: 'an expression',
  'table-name': 'a table name',
  'table-or-query': 'a table name or (query)',
  operator: "an operator after '|'",
  'column-name': 'a column name',
  'new-column-name': 'a new column name',
  'item-index-column': 'a column name for the item index',
  'left-column': 'a column of the left side',
  'right-column': 'a column of the right side',
  'join-column': 'a join column',
  'let-name': 'a name after let',
  name: 'a name',
  'parameter-name': 'a parameter name',
  'plugin-name': 'a plugin name such as bag_unpack or pivot',
  'property-name': 'a property name',
  'type-name': 'a type name',
  value: 'a value',
  visualization: 'a visualization such as timechart',
  'parse-kind': 'simple or regex',
  'expand-kind': 'bag or array',
};

export type KqlThing = keyof typeof things;

export const kqlMessagesEn = {
  /** The position every message starts with. */
  at: (p: { line: number; column: number }) => `line ${p.line}, column ${p.column}: `,
  things,
  reasons: {
    // Tokens
    'unknown-timespan-unit': (p: { unit: string }) => `unknown timespan unit '${p.unit}' (use d, h, m, s, ms, microsecond, tick)`,
    'unterminated-literal': (p: { type: string }) => `unterminated ${p.type}( literal`,
    'unexpected-character': (p: { char: string }) => `unexpected character '${p.char}'`,
    'unterminated-string': () => 'unterminated string literal',
    'unknown-escape': (p: { escape: string }) => `unknown escape '\\${p.escape}' in string literal`,
    // Syntax
    'expected-token': (p: { token: string; found: string }) => `expected '${p.token}' but found ${found(p.found)}`,
    expected: (p: { thing: KqlThing; found: string }) => `expected ${things[p.thing]} but found ${found(p.found)}`,
    'unexpected-after-query': (p: { found: string }) => `unexpected ${found(p.found)} (operators follow a '|')`,
    'no-tabular-expression': () => 'the query has no tabular expression (for example: MessageTrace | take 10)',
    'use-double-equals': () => "use == to compare ('=' names a column in extend and project)",
    'unknown-operator': (p: { name: string; suggestion?: string }) => `unknown operator '${p.name}'${didYouMean(p.suggestion)}`,
    'operator-not-supported': (p: { name: string }) => `\`${p.name}\` is not supported yet`,
    'feature-not-supported': (p: { feature: string }) => `${p.feature} is not supported yet`,
    'tabular-parameters': () => 'tabular parameters are not supported yet',
    'default-parameter-values': () => 'default parameter values are not supported yet',
    'let-in-function-body': () => 'let statements inside a function body are not supported yet',
    'indexof-occurrence': () => 'indexof() with an occurrence other than 1 is not supported yet',
    'make-series-in-range': () => 'make-series ... in range(start, stop, step) is not supported yet (use from start to end step s)',
    'evaluate-plugin-not-supported': (p: { plugin: string }) => `evaluate ${p.plugin} is not supported yet (bag_unpack and pivot are)`,
    'schema-star': () => 'an output schema with * is not supported yet: list every column',
    'parse-kind-not-supported': (p: { kind: string }) => `parse kind=${p.kind} is not supported yet (use simple or regex)`,
    'top-nested-count': () => 'top-nested takes a whole number of groups: top-nested 3 of Key by count()',
    'search-one-term': () => 'search supports one string term: search "text"',
    'unsupported-join-kind': (p: { operator: string; kind: string; kinds: string }) =>
      `unsupported ${p.operator} kind '${p.kind}' (use ${p.kinds})`,
    'unknown-join-parameter': (p: { name: string }) => `unknown join parameter '${p.name}'`,
    'unsupported-union-parameter': (p: { name: string; value: string }) => `unsupported union parameter '${p.name}=${p.value}'`,
    'parse-needs-column': () => 'parse needs at least one column in its pattern',
    'render-constant-properties': () => 'render properties take constant values',
    'invalid-datetime': (p: { text: string }) =>
      `invalid datetime literal '${p.text}' (use datetime(2026-11-01) or datetime(2026-11-01T10:30:00Z))`,
    'dynamic-not-json': () => 'dynamic(...) must contain JSON, e.g. dynamic(["a", "b"])',
    'unknown-type': (p: { name: string }) => `unknown type '${p.name}' (use string, long, int, real, bool, datetime, timespan, dynamic)`,
    'datatable-one-value': (p: { columns: number }) => `datatable has ${p.columns} columns but 1 value`,
    'datatable-ragged': (p: { columns: number; values: number }) =>
      `datatable has ${p.columns} columns but ${p.values} values, which is not a whole number of rows`,
    // Limits
    'nesting-too-deep': (p: { max: number }) => `the query nests more than ${p.max} levels deep (parentheses, signs, calls or subqueries)`,
    'tree-too-deep': (p: { max: number }) => `the query nests more than ${p.max} levels deep (split long chains of operators)`,
    'dynamic-too-deep': (p: { max: number }) => `dynamic(...) nests more than ${p.max} levels deep`,
    'datatable-too-long': (p: { max: number }) => `datatable takes at most ${p.max} rows`,
    'sql-too-large': (p: { millions: number }) =>
      `the query compiles to more than ${p.millions} million characters of SQL (use fewer repeated references to computed values)`,
    'list-too-long': (p: { op: string; max: number; count: number }) =>
      `'${p.op}' takes at most ${p.max} values, not ${p.count} (put them in a table and join)`,
    'has-all-too-many': (p: { max: number; count: number }) =>
      `has_all takes at most ${p.max} values that are not single words, not ${p.count}`,
    'calls-too-deep': (p: { max: number }) => `user-defined functions call each other more than ${p.max} deep`,
    'too-many-value-columns': (p: { plugin: string; count: number; max: number }) =>
      `evaluate ${p.plugin} would make ${p.count} columns (at most ${p.max})`,
    'needs-values': (p: { plugin: string }) => `evaluate ${p.plugin} needs the values in the data first`,
    // Names
    'unknown-table': (p: { name: string; suggestion?: string }) => `unknown table '${p.name}'${didYouMean(p.suggestion)}`,
    'unknown-tabular-function': (p: { name: string }) => `unknown tabular function '${p.name}'`,
    'unknown-column': (p: { name: string; suggestion?: string }) => `unknown column '${p.name}'${didYouMean(p.suggestion)}`,
    'unknown-join-column': (p: { name: string; side: 'left' | 'right'; suggestion?: string }) =>
      `unknown column '${p.name}' on the ${p.side} side of the join${didYouMean(p.suggestion)}`,
    'unknown-function': (p: { name: string; suggestion?: string }) => `unknown function '${p.name}'${didYouMean(p.suggestion)}`,
    'invalid-column-name': (p: { name: string }) =>
      `invalid column name '${p.name}' (use letters, digits and _ , starting with a letter or _)`,
    'projected-twice': (p: { name: string }) => `column '${p.name}' is projected twice`,
    'listed-twice': (p: { name: string }) => `column '${p.name}' is listed twice`,
    'declared-twice': (p: { name: string }) => `column '${p.name}' is declared twice`,
    'column-exists': (p: { operator: string; name: string }) => `${p.operator} makes a column '${p.name}' that the rows already have`,
    'top-nested-twice': (p: { name: string }) => `top-nested makes the column '${p.name}' twice`,
    'tabular-not-scalar': (p: { name: string }) => `'${p.name}' is a tabular expression, not a scalar`,
    'function-is-tabular': (p: { name: string }) => `${p.name}() is a tabular function: use it as a table`,
    'function-is-scalar': (p: { name: string }) => `${p.name}() is a scalar function, not a table`,
    // Types
    'expected-bool': (p: { type: string }) => `expected a bool predicate but the expression is ${p.type}`,
    'logical-needs-bool': (p: { op: string; side: 'left' | 'right'; type: string }) =>
      `'${p.op}' needs bool operands, the ${p.side} one is ${p.type}`,
    'cannot-apply': (p: { op: string; left: string; right: string }) => `cannot apply '${p.op}' to ${p.left} and ${p.right}`,
    'cannot-compare': (p: { left: string; right: string; op: string }) => `cannot compare ${p.left} with ${p.right} using '${p.op}'`,
    'cannot-compare-in': (p: { left: string; right: string; op: string }) => `cannot compare ${p.left} with ${p.right} in '${p.op}'`,
    'cannot-compare-values': (p: { left: string; right: string }) => `cannot compare ${p.left} with ${p.right} values`,
    'compares-strings': (p: { op: string; left: string; right: string }) => `'${p.op}' compares strings, not ${p.left} and ${p.right}`,
    'compares-strings-one': (p: { op: string; type: string }) => `'${p.op}' compares strings, not ${p.type}`,
    'cannot-order-bool': (p: { op: string }) => `cannot order bool values with '${p.op}'`,
    'needs-string-operands': (p: { op: string; type: string }) => `'${p.op}' needs string operands, not ${p.type} (use tostring())`,
    'cannot-negate': (p: { type: string }) => `cannot negate a ${p.type}`,
    'between-types': (p: { type: string; bound: string }) =>
      `between needs bounds of the same type as its ${p.type} operand, not ${p.bound}`,
    'index-needs-dynamic': (p: { type: string }) => `only dynamic values can be indexed, not ${p.type}`,
    'member-needs-dynamic': (p: { name: string; type: string }) => `'.${p.name}' needs a dynamic value, not ${p.type}`,
    'needs-dynamic-array': (p: { operator: string; type: string }) => `${p.operator} needs a dynamic array, not ${p.type}`,
    'bag-unpack-needs-dynamic': (p: { type: string }) => `bag_unpack needs a dynamic column, not ${p.type}`,
    'cannot-group-dynamic': () => 'cannot group by a dynamic value',
    'top-nested-dynamic': () => 'top-nested cannot group by a dynamic value',
    'cannot-sort-dynamic': () => 'cannot sort by a dynamic value',
    'argument-type': (p: { n: number; name: string; types: string; type: string }) =>
      `argument ${p.n} of ${p.name}() must be ${p.types.split(',').join(' or ')}, not ${p.type}`,
    'needs-number': (p: { name: string; type: string }) => `${p.name}() needs a number, not ${p.type}`,
    'cannot-convert': (p: { name: string; type: string }) => `${p.name}() cannot convert ${p.type}`,
    'one-type': (p: { name: string; first: string; second: string }) =>
      `${p.name}() needs values of one type, got ${p.first} and ${p.second}`,
    'parameter-type': (p: { name: string; parameter: string; expected: string; type: string }) =>
      `${p.name}(): ${p.parameter} is ${p.expected}, not ${p.type}`,
    'bin-types': (p: { name: string; type: string }) => `${p.name}() bins numbers, datetimes and timespans, not ${p.type}`,
    'bin-at-types': (p: { name: string; type: string }) => `${p.name}() bins numbers and datetimes, not ${p.type}`,
    'column-cannot-hold': (p: { type: string; value: string }) => `a ${p.type} column cannot hold a ${p.value} value`,
    'range-types': (p: { from: string; to: string; step: string }) =>
      `range needs numbers, or datetimes with a timespan step, not ${p.from} to ${p.to} step ${p.step}`,
    'union-types': (p: { name: string; first: string; second: string }) =>
      `union: column '${p.name}' is ${p.first} in one table and ${p.second} in another`,
    'join-types': (p: { leftType: string; left: string; rightType: string; right: string }) =>
      `cannot join ${p.leftType} ${p.left} with ${p.rightType} ${p.right}`,
    'series-axis': (p: { type: string }) => `make-series needs a datetime or numeric axis, not ${p.type}`,
    'series-step-type': (p: { type: string }) => `make-series step must be a ${p.type} for this axis`,
    'series-bound-type': (p: { bound: 'from' | 'to'; type: string }) => `make-series ${p.bound} must be a ${p.type}`,
    'series-numbers': (p: { type: string }) => `make-series aggregates must be numbers, not ${p.type}`,
    'row-cumsum-number': (p: { type: string }) => `row_cumsum() needs a number, not ${p.type}`,
    // Arguments
    'argument-count': (p: { name: string; count: string; given: number }) =>
      `${p.name}() takes ${p.count} argument${s(p.count)}, not ${p.given}`,
    'argument-count-at-least': (p: { name: string; min: number; given: number }) =>
      `${p.name}() takes at least ${p.min} arguments, not ${p.given}`,
    'argument-count-range': (p: { name: string; min: number; max: number; given: number }) =>
      `${p.name}() takes ${p.min} to ${p.max} arguments, not ${p.given}`,
    'constant-string-argument': (p: { n: number; name: string }) => `argument ${p.n} of ${p.name}() must be a constant string`,
    'constant-number-argument': (p: { n: number; name: string }) => `argument ${p.n} of ${p.name}() must be a constant number`,
    'time-zone-argument': (p: { name: string }) => `argument 2 of ${p.name}() must be an IANA time zone such as 'Asia/Tokyo'`,
    'positive-bin-size': (p: { name: string }) => `${p.name}() needs a positive bin size`,
    'format-datetime-pattern': () =>
      'format_datetime() supports yyyy yy y MM M dd d HH H hh h mm m ss s f ff fff ffff fffff ffffff fffffff tt and separators',
    'format-timespan-pattern': (p: { part: string }) =>
      `format_timespan() does not know '${p.part}' (use d..dddddddd, h, hh, H, HH, m, mm, s, ss, f..fffffff, F..FFFFFFF and the separators space / - : , . _ [ ])`,
    'datetime-diff-part': (p: { parts: string }) => `datetime_diff() part must be one of ${p.parts}`,
    'window-offset': (p: { name: string }) => `the offset of ${p.name}() must be a constant whole number`,
    'window-start': (p: { name: string }) => `the start of ${p.name}() must be a constant whole number`,
    'window-default': (p: { name: string; type: string }) => `the default of ${p.name}() must be a constant ${p.type}`,
    'row-count': () => 'expected a constant row count >= 0',
    percentile: () => 'percentiles are between 0 and 100',
    'split-index': () => 'the index of split() must be a whole number',
    'extract-group': () => 'extract() needs a capture group number >= 0',
    'ipv4-range': () => 'ipv4_is_in_range() needs a range such as "203.0.113.0/24"',
    'typeof-argument': () => 'typeof() takes a type name such as long',
    'case-pairs': (p: { name: string }) => `${p.name}() needs condition/value pairs and an else value`,
    'toscalar-column': () => 'toscalar() needs a tabular expression with a column',
    'in-one-column': (p: { count: number }) =>
      `the tabular expression after 'in' must have one column, it has ${p.count} (add | project Column)`,
    'name-expanded-column': (p: { example: string }) => `name the expanded column: ${p.example}`,
    'name-top-nested-key': () => 'name the top-nested key: top-nested 3 of Name = expr by count()',
    'top-nested-aggregate': () => 'top-nested needs an aggregate after by, such as count()',
    'bag-unpack-arguments': () => 'bag_unpack takes a dynamic column and an optional prefix: bag_unpack(d, "p_")',
    'bag-unpack-prefix': () => 'the prefix of bag_unpack must be a constant string',
    'pivot-column': () => 'pivot needs a column: evaluate pivot(Status)',
    'pivot-aggregate': () => 'the second argument of pivot is an aggregate such as sum(Size)',
    'pivot-groups': () => 'pivot groups by column names',
    'series-step': () => 'make-series step must be a positive constant (such as 1d)',
    'series-aggregates': () => 'make-series needs aggregates such as count() or avg(Size)',
    'series-several-columns': (p: { name: string }) => `make-series cannot use ${p.name}() (it gives several columns)`,
    'series-default': () => 'make-series default must be a constant',
    'summarize-aggregates': () => 'summarize needs aggregates such as count() or sum(Size) before by',
    // Not supported (here, or on this engine)
    'render-last': () => 'render must be the last operator',
    'aggregate-outside-summarize': (p: { name: string }) => `the aggregate ${p.name}() is only allowed in summarize`,
    'nested-aggregates': (p: { inner: string; outer: string }) => `aggregates cannot be nested (${p.inner} inside ${p.outer})`,
    'several-columns-in-expression': (p: { name: string }) => `${p.name}() gives several columns and cannot be part of an expression`,
    'several-columns-named': (p: { name: string; column: string }) => `${p.name}() gives several columns; drop the name '${p.column}'`,
    'take-any-star': () => 'take_any(*) is not supported; list the columns',
    'star-not-allowed': () => "'*' is only allowed in arg_max/arg_min and count(*)",
    'unsupported-operator': (p: { op: string }) => `unsupported operator '${p.op}'`,
    'constant-pattern': () => "'matches regex' needs a constant pattern",
    'constant-string-right': (p: { op: string }) => `'${p.op}' needs a constant string on its right`,
    'constant-strings': (p: { op: string }) => `'${p.op}' needs constant strings`,
    'constant-string-list': (p: { op: string }) => `'${p.op}' needs a list of constant strings`,
    'list-elements': () => 'list elements must be strings, numbers or bools',
    'constant-index': () => 'an index must be a constant integer or string',
    'not-on-engine': (p: { name: string; engine: string }) => `${p.name}() is not supported on ${p.engine}`,
    'not-on-engine-yet': (p: { name: string; engine: string }) => `${p.name}() is not supported on ${p.engine} yet`,
    'offset-not-on-engine': (p: { name: string; engine: string }) => `${p.name}() with an offset is not supported on ${p.engine} yet`,
    'bag-unpack-schema': (p: { engine: string }) =>
      `bag_unpack without an output schema is not supported on ${p.engine} (give one: evaluate bag_unpack(d) : (Name:string, Age:long))`,
    'needs-ordered-rows': (p: { name: string }) => `${p.name}() needs ordered rows: use it in extend or project after sort or serialize`,
    'series-needs-rows': () => 'make-series needs rows (a table, datatable or range)',
    'feature-not-on-engine': (p: { feature: string; engine: string }) => `${p.feature} is not supported on ${p.engine} yet`,
    'seasonality-detection': (p: { name: string }) =>
      `${p.name}() with seasonality -1 (detect the period, the default) is not supported yet: give the period in bins (such as 24 for 1h bins) or 0`,
    // Functions that give several columns, series analysis, mv-expand and top-nested options
    'several-columns-alone': (p: { name: string }) =>
      `${p.name}() gives several columns: use it alone in extend or project, or name them: (a, b, ...) = ${p.name}(...)`,
    'names-need-multi-column': () => '(a, b, ...) = names the columns of a function that gives several, such as series_stats()',
    'several-columns-one-name': (p: { name: string; given: string }) =>
      `${p.name}() gives several columns: name them as (${p.given}, ...) = ${p.name}(...)`,
    'column-count': (p: { name: string; count: number; given: number }) => `${p.name}() gives ${p.count} columns, not ${p.given}`,
    'constant-bool-argument': (p: { index: number; name: string }) => `argument ${p.index} of ${p.name}() must be a constant bool`,
    'constant-number-array': (p: { index: number; name: string }) =>
      `argument ${p.index} of ${p.name}() must be a constant array of numbers, such as dynamic([1, 1, 1])`,
    'tukey-kind': (p: { name: string; kind: string }) => `${p.name}() knows the kinds "tukey" and "ctukey", not "${p.kind}"`,
    'tukey-percentiles': (p: { name: string }) => `${p.name}() percentiles must lie in [2, 98], the first below the second`,
    'seasonality-value': (p: { name: string }) => `the seasonality of ${p.name}() must be -1, 0 or a positive number of bins`,
    'trend-kind': (p: { name: string; kind: string }) => `the trend of ${p.name}() is "avg", "linefit" or "none", not "${p.kind}"`,
    'test-points': (p: { name: string }) => `the test points of ${p.name}() must be a whole number of bins, 0 or more`,
    'others-type': (p: { type: string; given: string }) => `the others value must be a ${p.type} like the key, not ${p.given}`,
    'limit-rows': () => 'limit takes a whole number of rows: limit 10',
    'mv-expand-kind': (p: { kind: string }) => `mv-expand kind is bag or array, not '${p.kind}'`,
  },
};

/** The shape every language's table has. */
export type KqlMessages = typeof kqlMessagesEn;
