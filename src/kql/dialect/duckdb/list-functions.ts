/** DuckDB spellings of the list hooks. */
import type { ListFunctions } from '../list-functions.js';

export const listFunctions: ListFunctions = {
  terms: (x) => `regexp_split_to_array(lower(${x}), '[^\\p{L}\\p{N}]+')`,
  list: (items) => `[${items.join(', ')}]`,
  listHasAny: (x, items) => `list_has_any(${x}, ${items})`,
  listHasAll: (x, items) => `list_has_all(${x}, ${items})`,
  unnestSplit: (x, d) => `unnest(string_split(${x}, ${d}))`,
  microsToInterval: (x) => `to_microseconds(CAST(round(${x}) AS BIGINT))`,
};
