/** DuckDB spellings of the list hooks. */
import type { ListFunctions } from '../list-functions.js';

/**
 * The elements mv-expand makes of a dynamic value (JSON), as a list: an array's elements, or a property bag's
 * entries, each a one-key bag (Kusto's kind=bag) or a [key, value] array (`pairs`, kind=array).
 */
export function expandElements(x: string, asText: boolean, pairs = false): string {
  const value = `json_extract(${x}, '$."' || replace(_k, '"', '\\"') || '"')`;
  const entry = pairs ? `json_array(_k, ${value})` : `json_object(_k, ${value})`;
  const entries = `list_transform(json_keys(${x}), _k -> ${asText ? `CAST(${entry} AS VARCHAR)` : entry})`;
  return `CASE WHEN json_type(${x}) = 'OBJECT' THEN ${entries} ELSE from_json(${x}, '["${asText ? 'varchar' : 'json'}"]') END`;
}

export const listFunctions: ListFunctions = {
  terms: (x) => `regexp_split_to_array(lower(${x}), '[^\\p{L}\\p{N}]+')`,
  list: (items) => `[${items.join(', ')}]`,
  listHasAny: (x, items) => `list_has_any(${x}, ${items})`,
  listHasAll: (x, items) => `list_has_all(${x}, ${items})`,
  unnestSplit: (x, d) => `unnest(string_split(${x}, ${d}))`,
  // unnest()s in one SELECT are zipped and padded with NULL, as Kusto expands several arrays.
  unnestJsonZip: (arrays, index, limit) => {
    const cut = (l: string): string => (limit === undefined ? l : `list_slice(${l}, 1, ${limit})`);
    const values = arrays.map((a) => `unnest(${cut(expandElements(a.sql, a.asText, a.pairs))})`);
    if (!index) return values;
    const longest = arrays.map((a) => `len(${expandElements(a.sql, false, a.pairs)})`);
    const n = longest.length === 1 ? longest[0]! : `greatest(${longest.join(', ')})`;
    return [...values, `unnest(range(CAST(${limit === undefined ? n : `least(${n}, ${limit})`} AS BIGINT)))`];
  },
  microsToInterval: (x) => `to_microseconds(CAST(round(${x}) AS BIGINT))`,
};
