/**
 * XXH64 (seed 0) in ClickHouse SQL, the hash behind Kusto's hash() and hash_xxhash64(): a string hashes its UTF-8
 * bytes, a long or datetime its 8 bytes (little-endian; a datetime as its 100-ns ticks since 0001-01-01), as the
 * DuckDB dialect's. 18.16 has no xxHash64 (it came in 20.x), so the algorithm (github.com/Cyan4973/xxHash, XXH64)
 * is written out: UInt64 arithmetic wraps, reinterpretAsUInt64 of a substring reads a little-endian lane. 18.16 has
 * no fold over an array either: the 32-byte stripes are a chain of steps, as many as the longest text needs.
 */
import type { SimpleArg, SimpleFunction, SimpleFunctions } from '../simple-functions.js';
import { bindAs as bind } from './bind-as.js';
import { escapeString } from './escape.js';

const P1 = '11400714785074694791';
const P2 = '14029467366897019727';
const P3 = '1609587929392839161';
const P4 = '9650029242287828579';
const P5 = '2870177450012600261';
const u = (n: string | bigint | number): string => `toUInt64(${String(n)})`;

/** Stripes chained for a text whose length is not known when compiling (texts up to 32 * STRIPES + 31 bytes). */
export const STRIPES = 64;

/** `body` with the text (or value) and the modulus bound as `__xs` and `__xm`, both read outside any lambda. */
const bindWithMod = (value: string, name: string, mod: string | undefined, body: string): string =>
  mod === undefined ? bind(value, name, body) : `arrayElement(arrayMap((${name}, __xm) -> ${body}, [${value}], [${mod}]), 1)`;

const round = (acc: string, lane: string): string => `(bitRotateLeft(${acc} + ${lane} * ${u(P2)}, 31) * ${u(P1)})`;
const merge = (h: string, v: string): string => `(bitXor(${h}, ${round(u(0), v)}) * ${u(P1)} + ${u(P4)})`;

/** The XXH64 finish of `h` (the avalanche): Kusto's long (toInt64 of a UInt64 wraps), or modulo `__xm` (NULL unless > 0). */
function finish(h: string, mod: boolean): string {
  const a = bind(h, '__xa', `bitXor(__xa, bitShiftRight(__xa, 33)) * ${u(P2)}`);
  const b = bind(a, '__xb', `bitXor(__xb, bitShiftRight(__xb, 29)) * ${u(P3)}`);
  const c = bind(b, '__xc', `bitXor(__xc, bitShiftRight(__xc, 32))`);
  return mod ? `if(__xm > 0, toInt64(${c} % toUInt64(if(__xm > 0, __xm, 1))), NULL)` : `toInt64(${c})`;
}

/** The little-endian value of `width` bytes of `s` at 0-based offset `at`. */
const le = (s: string, at: string, width: 8 | 4 | 1): string => {
  const bytes = `substring(${s}, ${at} + 1, ${width})`;
  return width === 8
    ? `reinterpretAsUInt64(${bytes})`
    : `toUInt64(${width === 4 ? 'reinterpretAsUInt32' : 'reinterpretAsUInt8'}(${bytes}))`;
};

const SEEDS = [BigInt(P1) + BigInt(P2) - (1n << 64n), BigInt(P2), 0n, (1n << 64n) - BigInt(P1)];

/**
 * One accumulator `__xa` after `length` stripes of its lanes `__xl` (times P2; `__xk` of them): a chain of calls
 * with the accumulator written once in each, as 18.16 has no fold (a lambda per stripe took it seconds to plan).
 * Past its end arrayElement gives 0, and a stripe past the end leaves the accumulator as it is: it adds 0, rotates
 * by 0 and multiplies by 1.
 */
function chain(length: number): string {
  let acc = '__xa';
  for (let k = 0; k < length; k++) {
    const on = `__xk > ${k}`;
    acc = `bitRotateLeft(${acc} + __xl[${k + 1}], if(${on}, 31, 0)) * if(${on}, ${P1}, 1)`;
  }
  return acc;
}

/** The chains of a text of up to `stripes` stripes, as (from, to] stripe counts: 4, 16 and 64 stripes long. */
function chainLengths(stripes: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0, to = Math.min(4, stripes); from < stripes; from = to, to = Math.min(to * 4, stripes)) out.push([from, to]);
  return out;
}

/**
 * XXH64 of the bytes of the String `text`, for texts of up to `stripes` 32-byte stripes (a longer text fails the
 * query rather than hash wrong).
 */
export function xxhash64OfBytes(text: string, mod: string | undefined, stripes = STRIPES): string {
  const s = '__xs';
  const n = `length(${s})`;
  // A text's stripes go through the shortest chain that takes them; the others get no accumulators (arraySlice of
  // none) and cost nothing: 18.16 evaluates every branch of an if, but a lambda only on the elements it is given.
  const chains = chainLengths(stripes).map(([from, to]) => {
    const taken = `if(__xk > ${from} AND __xk <= ${to}, 4, 0)`;
    return `arrayMap((__xa, __xl) -> ${chain(to)}, arraySlice([${SEEDS.map(u).join(', ')}], 1, ${taken}), arraySlice(__xls, 1, ${taken}))`;
  });
  // Each accumulator's lanes (times P2), read once.
  const lanes = `arrayMap(__xo -> arrayMap(__xi -> ${le(s, '__xi * 32 + __xo', 8)} * ${P2}, range(__xk)), [0, 8, 16, 24])`;
  const all = chains.length === 0 ? 'emptyArrayUInt64()' : chains.length === 1 ? chains[0]! : `arrayConcat(${chains.join(', ')})`;
  const acc = bind(`intDiv(${n}, 32)`, '__xk', bind(lanes, '__xls', all));
  const v = (i: number): string => `__xv4[${i}]`;
  const sum = `bitRotateLeft(${v(1)}, 1) + bitRotateLeft(${v(2)}, 7) + bitRotateLeft(${v(3)}, 12) + bitRotateLeft(${v(4)}, 18)`;
  const long = [1, 2, 3, 4].reduce((h, i) => merge(h, v(i)), `(${sum})`);
  let h = bind(acc, '__xv4', `if(${n} >= 32, ${long}, ${u(P5)}) + toUInt64(${n})`);
  // The 8-byte lanes after the stripes, then one 4-byte word, then single bytes.
  const p8 = `intDiv(${n}, 32) * 32`;
  for (let j = 0; j < 3; j++) {
    const at = `${p8} + ${8 * j}`;
    h = bind(h, '__xh', `if(${n} >= ${at} + 8, bitRotateLeft(bitXor(__xh, ${round(u(0), le(s, at, 8))}), 27) * ${u(P1)} + ${u(P4)}, __xh)`);
  }
  const p4 = `intDiv(${n}, 8) * 8`;
  h = bind(h, '__xh', `if(${n} >= ${p4} + 4, bitRotateLeft(bitXor(__xh, ${le(s, p4, 4)} * ${u(P1)}), 23) * ${u(P2)} + ${u(P3)}, __xh)`);
  const p1 = `(${p4} + if(${n} >= ${p4} + 4, 4, 0))`;
  for (let j = 0; j < 3; j++) {
    const at = `${p1} + ${j}`;
    h = bind(h, '__xh', `if(${n} > ${at}, bitRotateLeft(bitXor(__xh, ${le(s, at, 1)} * ${u(P5)}), 11) * ${u(P1)}, __xh)`);
  }
  // A longer text fails the query with this sentence in ClickHouse's "Cannot parse string" error.
  const refusal = escapeString(`hash() of a text over ${32 * stripes + 31} bytes is not supported on clickhouse`);
  const checked = `bitOr(${h}, toUInt64(if(${n} >= ${32 * (stripes + 1)}, ${refusal}, '0')))`;
  return bindWithMod(text, s, mod, finish(checked, mod !== undefined));
}

/** XXH64 of a signed 64-bit value's 8 little-endian bytes. */
export function xxhash64OfLong(value: string, mod: string | undefined): string {
  const start = u(BigInt(P5) + 8n);
  const h = `(bitRotateLeft(bitXor(${start}, ${round(u(0), 'toUInt64(__xs)')}), 27) * ${u(P1)} + ${u(P4)})`;
  return bindWithMod(value, '__xs', mod, finish(h, mod !== undefined));
}

/** Stripes a constant text needs (a column's text: STRIPES). */
const stripesOf = (x: SimpleArg): number =>
  typeof x.value === 'string' ? Math.floor(new TextEncoder().encode(x.value).length / 32) : STRIPES;

/** hash(x [, mod]): a string's UTF-8 bytes, a long's or a datetime's ticks (100 ns since 0001-01-01). */
const hash: SimpleFunction = ([x, mod]) => {
  if (x!.type === 'string') return xxhash64OfBytes(x!.sql, mod?.sql, stripesOf(x!));
  // A datetime is an Int64 of microseconds since 1970 here.
  const long = x!.type === 'datetime' ? `(toInt64(${x!.sql}) * 10 + 621355968000000000)` : x!.sql;
  return xxhash64OfLong(long, mod?.sql);
};

export const hashFunctions: SimpleFunctions = { hash, hash_xxhash64: hash };
