/**
 * ClickHouse SQL of Kusto's IPv6 and URL-encoding functions, as the DuckDB dialect's: an address is read as its 128
 * bits written as '0'/'1' text (an IPv4 address as ::ffff:a.b.c.d, its /prefix counted from bit 96), so a masked
 * comparison is a comparison of the first bits. 18.16's IPv6StringToNum gives zeros for text it cannot read (as it
 * does for ::), so the text is read here, by the same rules as the DuckDB dialect's; '' stands for no address.
 */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { escapeString } from './escape.js';

/**
 * `body` with `value` bound to `name` (a one-element arrayMap; `name` is no lambda parameter inside `body`). In 18.16
 * a column read only inside a lambda's body is not found ("Unknown identifier"): columns go in `value`.
 */
const bind = (value: string, name: string, body: string): string => `arrayElement(arrayMap(${name} -> ${body}, [${value}]), 1)`;

const IPV4 = escapeString('^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');
const IPV4_TAIL = escapeString(':[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');
const GROUP = escapeString('^[0-9a-f]{1,4}$');
const NIBBLES = `[${Array.from({ length: 16 }, (_, i) => `'${i.toString(2).padStart(4, '0')}'`).join(', ')}]`;

/** The 128 bits of 32 hex digits (lower case). */
const hexBits = (hex: string): string =>
  `arrayStringConcat(arrayMap(__ih -> ${NIBBLES}[position('0123456789abcdef', substring(${hex}, __ih + 1, 1))], range(32)))`;

/** 4 hex digits of 1 to 4 (18.16 has no lpad). */
const pad4 = (g: string): string => `substring(concat('000', ${g}), length(${g}), 4)`;

/** The 128 bits of an IPv4 address's four octets (as ::ffff:a.b.c.d); '' when an octet is over 255. */
const v4Bits = (a: string): string =>
  bind(
    `arrayMap(__io -> toUInt32OrZero(__io), splitByChar('.', ${a}))`,
    '__i4',
    `if(arrayAll(__io -> __io <= 255, __i4), ${hexBits(`concat('00000000000000000000ffff', lower(arrayStringConcat(arrayMap(__io -> hex(toUInt8(__io)), __i4))))`)}, '')`,
  );

/** The 128 bits of IPv6 text (lower case, `::` and a dotted IPv4 tail allowed); '' when it is not one. */
function v6Bits(a: string): string {
  // A dotted IPv4 tail (::ffff:1.2.3.4, ::1.2.3.4) becomes two groups.
  const octets = `arrayMap(__io -> toUInt32OrZero(__io), splitByChar('.', extract(${a}, '[^:]*$')))`;
  const tail = bind(
    octets,
    '__i4',
    `if(arrayAll(__io -> __io <= 255, __i4), concat(replaceRegexpOne(${a}, '[^:]*$', ''), lower(hex(toUInt16(__i4[1] * 256 + __i4[2]))), ':', lower(hex(toUInt16(__i4[3] * 256 + __i4[4])))), '')`,
  );
  const text = `if(match(${a}, ${IPV4_TAIL}), ${tail}, ${a})`;
  const side = (i: number): string => `if(__ih2[${i}] = '', emptyArrayString(), splitByChar(':', __ih2[${i}]))`;
  const groups =
    `multiIf(length(__ih2) = 1, splitByChar(':', __iht), length(__ih2) = 2, arrayConcat(${side(1)}, ` +
    `arrayMap(__iz -> '0', range(toUInt64(greatest(8 - length(${side(1)}) - length(${side(2)}), 0)))), ${side(2)}), emptyArrayString())`;
  const valid = `length(__ihg) = 8 AND (length(__ih2) = 1 OR length(${side(1)}) + length(${side(2)}) <= 7) AND arrayAll(__ig -> match(__ig, ${GROUP}), __ihg)`;
  const bits = `if(${valid}, ${hexBits(`arrayStringConcat(arrayMap(__ig -> ${pad4('__ig')}, __ihg))`)}, '')`;
  return bind(text, '__iht', bind(`splitByString('::', __iht)`, '__ih2', bind(groups, '__ihg', bits)));
}

/**
 * The 128 bits of an address with an optional /prefix, then the prefix's digits (IPv4's counted from bit 96); ''
 * when it is not one. `name` names the bound text (the two addresses of one call are read under different names).
 */
function ipBits(x: string, v4only: boolean, name: string): string {
  const s = `${name}s`;
  const a = `${name}a`;
  const p = `${name}p`;
  const slash = `position(${s}, '/') > 0`;
  const v4 = `if(NOT ${slash} OR (${p} >= 0 AND ${p} <= 32), concat(${v4Bits(a)}, toString(ifNull(${p} + 96, 128))), '')`;
  const v6 = `if(NOT ${slash} OR (${p} >= 0 AND ${p} <= 128), concat(${v6Bits(a)}, toString(ifNull(${p}, 128))), '')`;
  const body = `multiIf(match(${a}, ${IPV4}), ${v4}, ${v4only ? '0' : `position(${a}, ':') > 0`}, ${v6}, '')`;
  return bind(
    `lower(replaceRegexpAll(${x}, '^ +| +$', ''))`,
    s,
    bind(`splitByChar('/', ${s})[1]`, a, bind(`if(${slash}, toInt64OrNull(splitByChar('/', ${s})[2]), NULL)`, p, body)),
  );
}

/**
 * The two addresses' bits, cut to the combined prefix (their own prefixes and `prefix`); `body` gets the cut texts.
 * `v4` reads IPv4 addresses only, and `prefix` then counts IPv4 bits (ipv4_is_match). A prefix argument out of
 * range or null is left out (as DuckDB's least leaves out NULL).
 */
function masked(a: SimpleArg, b: SimpleArg, prefix: SimpleArg | undefined, body: (x: string, y: string) => string, v4 = false): string {
  const [top, shift] = v4 ? [32, ' + 96'] : [128, ''];
  const own = 'least(toInt64OrZero(substring(__ix, 129)), toInt64OrZero(substring(__iy, 129)))';
  const m = prefix ? `if(__ipm >= 0 AND __ipm <= ${top}, least(${own}, __ipm${shift}), ${own})` : own;
  const cut = (t: string): string => `substring(${t}, 1, toUInt64(__im))`;
  const result = `if(length(__ix) <= 128 OR length(__iy) <= 128, NULL, ${bind(m, '__im', body(cut('__ix'), cut('__iy')))})`;
  // Both addresses and the prefix are read outside any lambda (see bind).
  const values = [ipBits(a.sql, v4, '__ia'), ipBits(b.sql, v4, '__ib'), ...(prefix ? [`ifNull(toInt64(${prefix.sql}), -1)`] : [])];
  const names = ['__ix', '__iy', ...(prefix ? ['__ipm'] : [])];
  return `arrayElement(arrayMap((${names.join(', ')}) -> ${result}, ${values.map((v) => `[${v}]`).join(', ')}), 1)`;
}

/** Kusto's url_encode (application/x-www-form-urlencoded, as .NET's HttpUtility.UrlEncode): `space` for ' '. */
const urlEncode = (s: string, space: string): string =>
  bind(
    s,
    '__us',
    `arrayStringConcat(arrayMap(__uc -> multiIf(__uc = ' ', '${space}', position(${escapeString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.!*()-')}, __uc) > 0, __uc, concat('%', lower(hex(__uc)))), arrayMap(__ui -> substring(__us, __ui + 1, 1), range(length(__us)))))`,
  );

export const networkFunctions: SimpleFunctions = {
  ipv6_is_match: ([a, b, p]) => masked(a!, b!, p, (x, y) => `${x} = ${y}`),
  // The range's prefix decides (an address has none of its own): ipv6_is_match of the two.
  ipv6_is_in_range: ([a, r]) => masked(a!, r!, undefined, (x, y) => `${x} = ${y}`),
  ipv4_is_match: ([a, b, p]) => masked(a!, b!, p, (x, y) => `${x} = ${y}`, true),
  ipv6_compare: ([a, b, p]) => masked(a!, b!, p, (x, y) => `toInt64(multiIf(${x} < ${y}, -1, ${x} > ${y}, 1, 0))`),
  url_encode: ([s]) => urlEncode(s!.sql, '+'),
  url_encode_component: ([s]) => urlEncode(s!.sql, '%20'),
};
