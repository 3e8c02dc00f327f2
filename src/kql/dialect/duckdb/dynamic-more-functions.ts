/** DuckDB SQL of more functions over dynamic values and URLs: parse_url, bag_remove_keys, zip, array_iff. */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { escapeString } from './escape.js';

// RFC 3986's parts: scheme://user:password@host:port/path?query#fragment (each part optional).
const URL_PARTS = escapeString(
  '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$',
);
const part = (u: string, group: number): string => `regexp_extract(${u}, ${URL_PARTS}, ${group})`;
const json = (a: SimpleArg): string => (a.type === 'dynamic' ? a.sql : `to_json(${a.sql})`);
/** Element i (0-based) of a JSON array, as JSON; null past its end. */
const element = (a: SimpleArg, i: string): string => `json_extract(${json(a)}, '$[' || ${i} || ']')`;

export const dynamicMoreFunctions: SimpleFunctions = {
  // Kusto's bag: Scheme, Host, Port, Path, Username, Password, Query Parameters (a bag of the pairs), Fragment.
  parse_url: ([u]) => {
    const pairs = `list_filter(string_split(${part(u!.sql, 7)}, '&'), _p -> _p <> '')`;
    const query = `CASE WHEN len(${pairs}) = 0 THEN '{}'::JSON ELSE to_json(map_from_entries(list_transform(${pairs}, _p -> struct_pack(k := url_decode(split_part(_p, '=', 1)), v := url_decode(split_part(_p, '=', 2)))))) END`;
    return (
      `CASE WHEN ${u!.sql} IS NULL OR ${part(u!.sql, 1)} = '' THEN '{}'::JSON ELSE json_object('Scheme', ${part(u!.sql, 1)}, 'Host', ${part(u!.sql, 4)}, ` +
      `'Port', ${part(u!.sql, 5)}, 'Path', ${part(u!.sql, 6)}, 'Username', ${part(u!.sql, 2)}, 'Password', ${part(u!.sql, 3)}, ` +
      `'Query Parameters', ${query}, 'Fragment', ${part(u!.sql, 8)}) END`
    );
  },
  // Top-level keys only (Kusto also takes JSONPath keys such as '$.a.b').
  bag_remove_keys: ([bag, keys]) =>
    `(SELECT coalesce(json_group_object(_k, json_extract(${bag!.sql}, '$."' || replace(_k, '"', '\\"') || '"')), '{}'::JSON) FROM unnest(list_filter(json_keys(${bag!.sql}), _k -> NOT list_contains(from_json(${keys!.sql}, '["varchar"]'), _k))) AS _keys(_k))`,
  zip: (args) => {
    const n = `greatest(${args.map((a) => `json_array_length(${json(a)})`).join(', ')})`;
    return `to_json(list_transform(range(CAST(${n} AS BIGINT)), _i -> [${args.map((a) => `coalesce(${element(a, '_i')}, 'null'::JSON)`).join(', ')}]))`;
  },
  array_iff: ([c, t, f]) =>
    `to_json(list_transform(range(CAST(json_array_length(${json(c!)}) AS BIGINT)), _i -> CASE WHEN json_type(${element(c!, '_i')}) <> 'BOOLEAN' THEN 'null'::JSON WHEN CAST(${element(c!, '_i')} AS BOOLEAN) THEN coalesce(${t!.type === 'dynamic' ? element(t!, '_i') : json(t!)}, 'null'::JSON) ELSE coalesce(${f!.type === 'dynamic' ? element(f!, '_i') : json(f!)}, 'null'::JSON) END))`,
};
