/**
 * XXH64 (seed 0) in DuckDB SQL, the hash behind Kusto's hash() and hash_xxhash64(): a string hashes its UTF-8
 * bytes, a long or datetime its 8 bytes (little-endian; a datetime as its 100-ns ticks since 0001-01-01). DuckDB has
 * no xxHash of its own, so the algorithm (github.com/Cyan4973/xxHash, XXH64) is written out: 64-bit wrapping
 * arithmetic through UHUGEINT, the 32-byte stripes and the tail read with list_reduce.
 */
import type { SimpleFunction, SimpleFunctions } from '../simple-functions.js';

const P1 = '11400714785074694791';
const P2 = '14029467366897019727';
const P3 = '1609587929392839161';
const P4 = '9650029242287828579';
const P5 = '2870177450012600261';
const u = (n: string | bigint | number): string => `CAST(${String(n)} AS UBIGINT)`;
const WRAP = `CAST('18446744073709551616' AS UHUGEINT)`;
/** 2^64 for signed arithmetic (HUGEINT with UHUGEINT would be DOUBLE). */
const SWRAP = `CAST('18446744073709551616' AS HUGEINT)`;

let names = 0;
/** A fresh lambda parameter name (nested lambdas must not shadow one another). */
const fresh = (): string => `_xh${++names}`;
/** `body(x)` with `x` bound once (the SQL of `value` is not repeated). */
const bind = (value: string, body: (x: string) => string): string => {
  const x = fresh();
  return `list_transform([${value}], ${x} -> ${body(x)})[1]`;
};

const add = (a: string, b: string): string => `CAST((CAST(${a} AS UHUGEINT) + ${b}) % ${WRAP} AS UBIGINT)`;
const mul = (a: string, b: string): string => `CAST((CAST(${a} AS UHUGEINT) * ${b}) % ${WRAP} AS UBIGINT)`;
const rotl = (v: string, r: number): string =>
  bind(v, (x) => `(((${x} & ${u((1n << BigInt(64 - r)) - 1n)}) << ${r}) | (${x} >> ${64 - r}))`);
const round = (acc: string, lane: string): string => mul(rotl(add(acc, mul(lane, u(P2))), 31), u(P1));
const merge = (h: string, v: string): string => add(mul(`xor(${h}, ${round(u(0), v)})`, u(P1)), u(P4));

/** The XXH64 finish of `h` (the avalanche), as a signed long (Kusto's long) or modulo `mod`. */
function finish(h: string, mod: string | undefined): string {
  return bind(h, (a) =>
    bind(mul(`xor(${a}, ${a} >> 33)`, u(P2)), (b) =>
      bind(mul(`xor(${b}, ${b} >> 29)`, u(P3)), (c) => {
        const v = `xor(${c}, ${c} >> 32)`;
        if (mod !== undefined) return `CASE WHEN ${mod} > 0 THEN CAST(${v} % CAST(${mod} AS UBIGINT) AS BIGINT) END`;
        return bind(
          v,
          (d) => `CAST(CAST(${d} AS HUGEINT) - CASE WHEN ${d} >= ${u(1n << 63n)} THEN ${SWRAP} ELSE CAST(0 AS HUGEINT) END AS BIGINT)`,
        );
      }),
    ),
  );
}

/** XXH64 of the bytes written as hex text (`hex(encode(s))`). */
export function xxhash64OfHex(hexText: string, mod: string | undefined): string {
  names = 0;
  return bind(hexText, (hx) => {
    const n = `(length(${hx}) // 2)`;
    const byte = (p: string, i: number): string => `substr(${hx}, 2 * (${p}) + ${2 * i + 1}, 2)`;
    const le = (p: string, width: number): string =>
      u(`'0x' || ${Array.from({ length: width }, (_, i) => byte(p, width - 1 - i)).join(' || ')}`);
    const stripes = fresh();
    const acc = fresh();
    const s = fresh();
    const lanes = `list_transform(range(${n} // 32), ${stripes} -> {'v1': ${le(`32 * ${stripes}`, 8)}, 'v2': ${le(`32 * ${stripes} + 8`, 8)}, 'v3': ${le(`32 * ${stripes} + 16`, 8)}, 'v4': ${le(`32 * ${stripes} + 24`, 8)}})`;
    const seeds = `{'v1': ${add(u(P1), u(P2))}, 'v2': ${u(P2)}, 'v3': ${u(0)}, 'v4': ${u(`'${(1n << 64n) - BigInt(P1)}'`)}}`;
    const step = `{'v1': ${round(`${acc}.v1`, `${s}.v1`)}, 'v2': ${round(`${acc}.v2`, `${s}.v2`)}, 'v3': ${round(`${acc}.v3`, `${s}.v3`)}, 'v4': ${round(`${acc}.v4`, `${s}.v4`)}}`;
    const long = bind(`list_reduce(${lanes}, (${acc}, ${s}) -> ${step}, ${seeds})`, (v) => {
      const sum = [`${v}.v1`, `${v}.v2`, `${v}.v3`, `${v}.v4`].reduce(
        (h, x, i) => (i === 0 ? rotl(x, 1) : add(h, rotl(x, [1, 7, 12, 18][i]!))),
        '',
      );
      return [`${v}.v1`, `${v}.v2`, `${v}.v3`, `${v}.v4`].reduce((h, x) => merge(h, x), sum);
    });
    const start = add(`CASE WHEN ${n} >= 32 THEN ${long} ELSE ${u(P5)} END`, u(n));
    // The 8-byte lanes after the stripes, then one 4-byte word, then single bytes.
    const h8 = fresh();
    const p8 = fresh();
    const lanes8 = `list_transform(range(${n} // 32 * 32, ${n} - 7, 8), ${p8} -> ${le(p8, 8)})`;
    const after8 = `list_reduce(${lanes8}, (${h8}, ${p8}) -> ${add(mul(rotl(`xor(${h8}, ${round(u(0), p8)})`, 27), u(P1)), u(P4))}, ${start})`;
    const word = `${n} // 8 * 8`;
    const after4 = bind(after8, (h) =>
      bind(`${n} - ${word} >= 4`, (has4) => {
        const with4 = `CASE WHEN ${has4} THEN ${add(mul(rotl(`xor(${h}, ${mul(le(word, 4), u(P1))})`, 23), u(P2)), u(P3))} ELSE ${h} END`;
        const h1 = fresh();
        const p1 = fresh();
        const bytes = `list_transform(range(${word} + CASE WHEN ${has4} THEN 4 ELSE 0 END, ${n}), ${p1} -> ${le(p1, 1)})`;
        return `list_reduce(${bytes}, (${h1}, ${p1}) -> ${mul(rotl(`xor(${h1}, ${mul(p1, u(P5))})`, 11), u(P1))}, ${with4})`;
      }),
    );
    return finish(after4, mod);
  });
}

/** XXH64 of a signed 64-bit value's 8 little-endian bytes. */
export function xxhash64OfLong(value: string, mod: string | undefined): string {
  names = 0;
  const unsigned = `CAST((CAST(${value} AS HUGEINT) + ${SWRAP}) % ${SWRAP} AS UBIGINT)`;
  const start = add(u(P5), u(8));
  return finish(add(mul(rotl(`xor(${start}, ${round(u(0), unsigned)})`, 27), u(P1)), u(P4)), mod);
}

/** hash(x [, mod]): a string's UTF-8 bytes, a long's or a datetime's ticks (100 ns since 0001-01-01). */
const hash: SimpleFunction = ([x, mod]) => {
  if (x!.type === 'string') return xxhash64OfHex(`hex(encode(${x!.sql}))`, mod?.sql);
  const long = x!.type === 'datetime' ? `(epoch_us(${x!.sql}) * 10 + 621355968000000000)` : x!.sql;
  return xxhash64OfLong(long, mod?.sql);
};

export const hashFunctions: SimpleFunctions = {
  hash,
  hash_xxhash64: hash,
  hash_sha1: ([a]) => `sha1(${a!.sql})`,
};
