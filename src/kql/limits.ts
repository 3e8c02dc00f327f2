/**
 * Bounds on what one query may ask of the compiler and the engine. A query past one is refused with a KqlError
 * ('too-complex') naming the bound, instead of exhausting the stack, memory or the engine.
 */

/** Nested parentheses, unary signs, calls and subqueries while parsing. */
export const MAX_NESTING = 200;
/** Depth of the syntax tree (a chain `a + b + c` is as deep as it is long; long `and`/`or` chains are balanced). */
export const MAX_TREE_DEPTH = 256;
/** Elements of one list (`in (...)`, `has_any (...)`, `datatable`, `dynamic([...])`). */
export const MAX_LIST = 10_000;
/** Characters of the SQL of one query. */
export const MAX_SQL = 1_000_000;
/**
 * A computed column whose SQL is longer than this is not inlined into the expressions that use it: the next
 * operator reads it from a new SELECT layer, so SQL grows with the query's text rather than doubling per step.
 */
export const MAX_INLINE_SQL = 2_000;
