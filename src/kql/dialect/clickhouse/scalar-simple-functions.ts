/** ClickHouse SQL of simple KQL scalar functions that 18.16 has no one function for (sign, countof, strrep...). */
import type { SimpleFunctions } from '../simple-functions.js';
import { timespanSeconds } from '../timespan-seconds.js';
import { escapeString } from './escape.js';
import { functions } from './functions.js';

const BASE64 = escapeString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

// 18.16 has no base64Encode/base64Decode: three bytes (reinterpretAsUInt8 of each) make four characters of the
// alphabet, and back (unhex of two hex digits per byte keeps zero bytes).
function base64Encode(x: string): string {
  const byte = (k: number) => `toUInt32(reinterpretAsUInt8(substring(${x}, __g * 3 + ${k + 1}, 1)))`;
  const v = `bitOr(bitOr(bitShiftLeft(${byte(0)}, 16), bitShiftLeft(${byte(1)}, 8)), ${byte(2)})`;
  const char = (shift: number) => `substring(${BASE64}, bitAnd(bitShiftRight(${v}, ${shift}), 63) + 1, 1)`;
  const group = `concat(${char(18)}, ${char(12)}, if(__g * 3 + 2 > length(${x}), '=', ${char(6)}), if(__g * 3 + 3 > length(${x}), '=', ${char(0)}))`;
  return `arrayStringConcat(arrayMap(__g -> ${group}, range(toUInt64(intDiv(length(${x}) + 2, 3)))))`;
}

function base64Decode(x: string): string {
  const text = `replaceRegexpAll(${x}, '=+$', '')`;
  const index = (k: number) => `toUInt32(greatest(position(${BASE64}, substring(${text}, __g * 4 + ${k + 1}, 1)), 1) - 1)`;
  const v = `bitOr(bitOr(bitShiftLeft(${index(0)}, 18), bitShiftLeft(${index(1)}, 12)), bitOr(bitShiftLeft(${index(2)}, 6), ${index(3)}))`;
  const hex = (shift: number) => `hex(toUInt8(bitAnd(bitShiftRight(${v}, ${shift}), 255)))`;
  const groups = `arrayStringConcat(arrayMap(__g -> concat(${hex(16)}, ${hex(8)}, ${hex(0)}), range(toUInt64(intDiv(length(${text}) + 3, 4)))))`;
  return `unhex(substring(${groups}, 1, intDiv(length(${text}) * 6, 8) * 2))`;
}

export const scalarSimpleFunctions: SimpleFunctions = {
  base64_encode_tostring: ([a]) => base64Encode(a!.sql),
  base64_decode_tostring: ([a]) => base64Decode(a!.sql),
  sign: ([a]) => `toFloat64(multiIf(${a!.sql} > 0, 1, ${a!.sql} < 0, -1, 0))`,
  // Non-overlapping occurrences: the bytes the needle takes out, in needles (a regex: its matches).
  countof: ([a, s, kind]) =>
    kind?.value === 'regex'
      ? `toInt64(length(extractAll(${a!.sql}, ${s!.sql})))`
      : `toInt64(intDiv(length(${a!.sql}) - length(replaceAll(${a!.sql}, ${s!.sql}, '')), greatest(length(${s!.sql}), 1)))`,
  strrep: ([a, n, d]) =>
    `arrayStringConcat(arrayMap(__i -> ${a!.sql}, range(toUInt64(greatest(ifNull(${n!.sql}, 0), 0)))), ${d?.sql ?? "''"})`,
  ipv4_compare: ([a, b]) => {
    const [x, y] = [functions.ipv4ToNumber(a!.sql), functions.ipv4ToNumber(b!.sql)];
    return `if(isNull(${x}) OR isNull(${y}), NULL, toInt64(multiIf(${x} > ${y}, 1, ${x} < ${y}, -1, 0)))`;
  },
  make_timespan: (args) => `toInt64(round(${timespanSeconds(args)} * 1000000))`,
};
