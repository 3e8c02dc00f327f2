/** ClickHouse spellings of the list hooks (extractAll, hasAny and hasAll exist in 18.16). */
import type { ListFunctions } from '../list-functions.js';
import { jsonStrings } from './functions.js';

export const listFunctions: ListFunctions = {
  terms: (x) => `extractAll(lowerUTF8(${x}), '[\\\\p{L}\\\\p{N}]+')`,
  list: (items) => `[${items.join(', ')}]`,
  listHasAny: (x, items) => `hasAny(${x}, ${items})`,
  listHasAll: (x, items) => `hasAll(${x}, ${items})`,
  unnestSplit: (x, d) => `arrayJoin(splitByString(${d}, ${x}))`,
  // Two arrayJoins multiply the rows instead of zipping them: one array only; its index rides in a tuple with it
  // (identical arrayJoin expressions are computed once).
  unnestJsonZip: (arrays, index, limit) => {
    // 18.16 has no JSON functions to read a bag's keys with.
    if (arrays.length !== 1 || arrays[0]!.pairs) return undefined;
    const a = arrays[0]!;
    const strings = limit === undefined ? jsonStrings(a.sql) : `arraySlice(${jsonStrings(a.sql)}, 1, ${limit})`;
    const value = a.asText ? `visitParamExtractString(concat('{"v":"', _v, '"}'), 'v')` : `concat('"', _v, '"')`;
    if (!index) return [`arrayJoin(arrayMap(_v -> ${value}, ${strings}))`];
    const pair = `arrayJoin(arrayMap((_v, _i) -> tuple(${value}, toInt64(_i - 1)), ${strings}, arrayEnumerate(${strings})))`;
    return [`tupleElement(${pair}, 1)`, `tupleElement(${pair}, 2)`];
  },
  // A timespan is an Int64 of microseconds here (18.16 has no toIntervalMicrosecond).
  microsToInterval: (x) => `toInt64(round(${x}))`,
};
