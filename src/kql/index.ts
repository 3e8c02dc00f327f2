/** mailsift's KQL engine: a real subset of Kusto Query Language compiled to SQL per dialect. Pure and synchronous. */
export { compileKql } from './compile-kql.js';
export type { CompileOptions, CompiledQuery } from './compile-kql.js';
export { KqlError } from './kql-error.js';
export type { KqlErrorCode } from './kql-error.js';
export { kqlCompletions } from './completions.js';
export type { KqlCompletions } from './completions.js';
export { kqlCompletionsAt } from './completions-at.js';
export type { KqlCompletionsAt, KqlSuggestion } from './completions-at.js';
export { explainKql } from './explain-kql.js';
export { parseQuery } from './syntax/parse-query.js';
export { TIME_COLUMNS } from './semantic/time-columns.js';
export type { DialectName } from './dialect/index.js';
export type * from './ast/index.js';
export { kqlString } from './kql-literal.js';
export { applyTableFilters } from './filters/apply-table-filters.js';
export type { FilteredQuery, TableFilter } from './filters/apply-table-filters.js';
export { getDialect } from './dialect/index.js';
export type { Dialect } from './dialect/index.js';
