/** ClickHouse spellings of the list hooks (extractAll, hasAny and hasAll exist in 18.16). */
import type { ListFunctions } from '../list-functions.js';
import { zipExpanded } from './expand.js';

export const listFunctions: ListFunctions = {
  terms: (x) => `extractAll(lowerUTF8(${x}), '[\\\\p{L}\\\\p{N}]+')`,
  list: (items) => `[${items.join(', ')}]`,
  listHasAny: (x, items) => `hasAny(${x}, ${items})`,
  listHasAll: (x, items) => `hasAll(${x}, ${items})`,
  unnestSplit: (x, d) => `arrayJoin(splitByString(${d}, ${x}))`,
  unnestJsonZip: zipExpanded,
  // A timespan is an Int64 of microseconds here (18.16 has no toIntervalMicrosecond).
  microsToInterval: (x) => `toInt64(round(${x}))`,
};
