/** A value named inside an expression, for the ClickHouse SQL that reads one value several times. */

/**
 * `body` with `value` bound to `name` (a one-element arrayMap; `name` is no lambda parameter inside `body`). In 18.16
 * a column read only inside a lambda's body is not found ("Unknown identifier"): columns go in `value`.
 */
export const bindAs = (value: string, name: string, body: string): string => `arrayElement(arrayMap(${name} -> ${body}, [${value}]), 1)`;
