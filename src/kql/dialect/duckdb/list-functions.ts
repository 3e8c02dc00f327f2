/** DuckDB spellings of the list hooks. */
import type { ListFunctions } from '../list-functions.js';

export const listFunctions: ListFunctions = {
  terms: (x) => `regexp_split_to_array(lower(${x}), '[^\\p{L}\\p{N}]+')`,
  list: (items) => `[${items.join(', ')}]`,
  listHasAny: (x, items) => `list_has_any(${x}, ${items})`,
  listHasAll: (x, items) => `list_has_all(${x}, ${items})`,
  unnestSplit: (x, d) => `unnest(string_split(${x}, ${d}))`,
  // unnest()s in one SELECT are zipped and padded with NULL, as Kusto expands several arrays.
  unnestJsonZip: (arrays, index, limit) => {
    const cut = (l: string): string => (limit === undefined ? l : `list_slice(${l}, 1, ${limit})`);
    const values = arrays.map((a) => `unnest(${cut(`from_json(${a.sql}, '["${a.asText ? 'varchar' : 'json'}"]')`)})`);
    if (!index) return values;
    const longest = arrays.map((a) => `json_array_length(${a.sql})`);
    const n = longest.length === 1 ? longest[0]! : `greatest(${longest.join(', ')})`;
    return [...values, `unnest(range(CAST(${limit === undefined ? n : `least(${n}, ${limit})`} AS BIGINT)))`];
  },
  microsToInterval: (x) => `to_microseconds(CAST(round(${x}) AS BIGINT))`,
};
