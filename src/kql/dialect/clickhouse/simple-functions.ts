/** ClickHouse SQL of the simple KQL functions, where 18.16 has an equivalent; the rest are reported as unsupported. */
import type { SimpleFunctions } from '../simple-functions.js';
import { dynamicFunctions } from './dynamic-functions.js';
import { scalarSimpleFunctions } from './scalar-simple-functions.js';
import { timeSimpleFunctions } from './time-simple-functions.js';
import { hashFunctions } from './xxhash64.js';
import { networkFunctions } from './network-functions.js';

export const simpleFunctions: SimpleFunctions = {
  ...timeSimpleFunctions,
  ...dynamicFunctions,
  ...scalarSimpleFunctions,
  ...hashFunctions,
  ...networkFunctions,
  sqrt: ([a]) => `sqrt(${a!.sql})`,
  exp: ([a]) => `exp(${a!.sql})`,
  log: ([a]) => `log(${a!.sql})`,
  log10: ([a]) => `log10(${a!.sql})`,
  log2: ([a]) => `log2(${a!.sql})`,
  pow: ([a, b]) => `pow(${a!.sql}, ${b!.sql})`,
  ceiling: ([a]) => `toFloat64(ceil(${a!.sql}))`,
  isnan: ([a]) => `isNaN(${a!.sql})`,
  isinf: ([a]) => `isInfinite(${a!.sql})`,
  isfinite: ([a]) => `isFinite(${a!.sql})`,
  max_of: (args) => args.slice(1).reduce((acc, a) => `greatest(${acc}, ${a.sql})`, args[0]!.sql),
  min_of: (args) => args.slice(1).reduce((acc, a) => `least(${acc}, ${a.sql})`, args[0]!.sql),
  binary_and: ([a, b]) => `bitAnd(toInt64(${a!.sql}), toInt64(${b!.sql}))`,
  binary_or: ([a, b]) => `bitOr(toInt64(${a!.sql}), toInt64(${b!.sql}))`,
  binary_xor: ([a, b]) => `bitXor(toInt64(${a!.sql}), toInt64(${b!.sql}))`,
  binary_shift_left: ([a, b]) => `bitShiftLeft(toInt64(${a!.sql}), toInt64(${b!.sql}))`,
  binary_shift_right: ([a, b]) => `bitShiftRight(toInt64(${a!.sql}), toInt64(${b!.sql}))`,
  reverse: ([a]) => `reverseUTF8(${a!.sql})`,
  url_decode: ([a]) => `decodeURLComponent(${a!.sql})`,
  hash_sha256: ([a]) => `lower(hex(SHA256(${a!.sql})))`,
  hash_md5: ([a]) => `lower(hex(MD5(${a!.sql})))`,
  hash_sha1: ([a]) => `lower(hex(SHA1(${a!.sql})))`,
  parse_ipv4: ([a]) => `toInt64(IPv4StringToNum(${a!.sql}))`,
};
