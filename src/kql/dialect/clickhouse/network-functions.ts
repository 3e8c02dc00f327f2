/**
 * ClickHouse SQL of Kusto's IPv6 and URL-encoding functions, with the DuckDB dialect's answers: an address is read
 * as its 128 bits (an IPv4 address as ::ffff:a.b.c.d, its /prefix counted from bit 96), and a masked comparison
 * compares the first bits, here as two UInt64 halves shifted right. 18.16's IPv6StringToNum gives zeros for text it
 * cannot read (as it does for ::), so the text is read here, by the same rules as the DuckDB dialect's.
 */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { bindAs as bind } from './bind-as.js';
import { escapeString } from './escape.js';

/**
 * `body` of `value` bound to `name` when `taken`, else '': 18.16 evaluates every branch of an if, but a lambda only
 * on the elements it is given, so a text that is no IPv6 address costs nothing in the IPv6 reading.
 */
const bindWhen = (taken: string, value: string, name: string, body: string): string =>
  `arrayElement(arrayMap(${name} -> ${body}, if(${taken}, [${value}], emptyArrayString())), 1)`;

const IPV4 = escapeString('^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');
const IPV4_TAIL = escapeString(':[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');
const HEX_AND_COLONS = escapeString('^[0-9a-f:]*$');

/** 4 hex digits of 1 to 4 (18.16 has no lpad). */
const pad4 = (g: string): string => `substring(concat('000', ${g}), length(${g}), 4)`;

/** The 32 hex digits of an IPv4 address's four octets (as ::ffff:a.b.c.d); '' when an octet is over 255. */
const v4Hex = (a: string): string =>
  bind(
    `arrayMap(__io -> toUInt32OrZero(__io), splitByChar('.', ${a}))`,
    '__i4',
    `if(arrayAll(__io -> __io <= 255, __i4), concat('00000000000000000000ffff', lower(arrayStringConcat(arrayMap(__io -> hex(toUInt8(__io)), __i4)))), '')`,
  );

/** The 32 hex digits of IPv6 text (lower case, `::` and a dotted IPv4 tail allowed); '' when it is not one. */
function v6Hex(a: string): string {
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
  // Every group 1 to 4 hex digits (the text is hex digits and colons only).
  const valid =
    `length(__ihg) = 8 AND (length(__ih2) = 1 OR length(${side(1)}) + length(${side(2)}) <= 7) AND match(__iht, ${HEX_AND_COLONS}) ` +
    `AND arrayAll(__ig -> length(__ig) >= 1 AND length(__ig) <= 4, __ihg)`;
  const hex = `if(${valid}, arrayStringConcat(arrayMap(__ig -> ${pad4('__ig')}, __ihg)), '')`;
  return bind(text, '__iht', bind(`splitByString('::', __iht)`, '__ih2', bind(groups, '__ihg', hex)));
}

/**
 * The 32 hex digits of an address with an optional /prefix, then the prefix's digits (IPv4's counted from bit 96);
 * '' when it is not one. `name` names the bound text (the two addresses of one call are read under different names).
 */
function ipHex(x: string, v4only: boolean, name: string): string {
  const s = `${name}s`;
  const a = `${name}a`;
  const p = `${name}p`;
  const slash = `position(${s}, '/') > 0`;
  const isV4 = `match(${a}, ${IPV4})`;
  const v4 = bindWhen(`${isV4} AND (NOT ${slash} OR (${p} >= 0 AND ${p} <= 32))`, a, `${name}4`, v4Hex(`${name}4`));
  const v6 = v4only
    ? "''"
    : bindWhen(
        `NOT ${isV4} AND position(${a}, ':') > 0 AND (NOT ${slash} OR (${p} >= 0 AND ${p} <= 128))`,
        a,
        `${name}6`,
        v6Hex(`${name}6`),
      );
  const prefix = `if(${isV4}, ifNull(${p} + 96, 128), ifNull(${p}, 128))`;
  const body = bind(`concat(${v4}, ${v6})`, `${name}h`, `if(${name}h = '', '', concat(${name}h, toString(${prefix})))`);
  return bind(
    `lower(replaceRegexpAll(${x}, '^ +| +$', ''))`,
    s,
    bind(`splitByChar('/', ${s})[1]`, a, bind(`if(${slash}, toInt64OrNull(splitByChar('/', ${s})[2]), NULL)`, p, body)),
  );
}

/** The high (1) or low (2) 64 bits of a read address `t`, cut to its first `__im` bits (shifted right). */
function half(t: string, i: 1 | 2): string {
  const value = `reinterpretAsUInt64(reverse(unhex(substring(${t}, ${i === 1 ? 1 : 17}, 16))))`;
  const kept = i === 1 ? 'least(__im, 64)' : 'greatest(__im - 64, 0)';
  // A shift by 64 is undefined in C++: no bit kept is 0.
  return `if(${kept} = 0, toUInt64(0), toUInt64(bitShiftRight(${value}, toUInt8(64 - ${kept}))))`;
}

/**
 * The two addresses cut to the combined prefix (their own prefixes and `prefix`), compared: `compare` gives -1, 0
 * or 1, else whether they are equal. `v4` reads IPv4 addresses only, and `prefix` then counts IPv4 bits
 * (ipv4_is_match). A prefix argument out of range or null is left out (as DuckDB's least leaves out NULL).
 */
function masked(a: SimpleArg, b: SimpleArg, prefix: SimpleArg | undefined, compare: boolean, v4 = false): string {
  const [top, shift] = v4 ? [32, ' + 96'] : [128, ''];
  const own = 'least(toInt64OrZero(substring(__ix, 33)), toInt64OrZero(substring(__iy, 33)))';
  const m = prefix ? `if(__ipm >= 0 AND __ipm <= ${top}, least(${own}, __ipm${shift}), ${own})` : own;
  const [x1, x2, y1, y2] = [half('__ix', 1), half('__ix', 2), half('__iy', 1), half('__iy', 2)];
  const answer = compare
    ? `toInt64(multiIf(${x1} < ${y1}, -1, ${x1} > ${y1}, 1, ${x2} < ${y2}, -1, ${x2} > ${y2}, 1, 0))`
    : `${x1} = ${y1} AND ${x2} = ${y2}`;
  const result = `if(__ix = '' OR __iy = '', NULL, ${bind(m, '__im', answer)})`;
  // Both addresses and the prefix are read outside any lambda (see bind).
  const values = [ipHex(a.sql, v4, '__ia'), ipHex(b.sql, v4, '__ib'), ...(prefix ? [`ifNull(toInt64(${prefix.sql}), -1)`] : [])];
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
  ipv6_is_match: ([a, b, p]) => masked(a!, b!, p, false),
  // The range's prefix decides (an address has none of its own): ipv6_is_match of the two.
  ipv6_is_in_range: ([a, r]) => masked(a!, r!, undefined, false),
  ipv4_is_match: ([a, b, p]) => masked(a!, b!, p, false, true),
  ipv6_compare: ([a, b, p]) => masked(a!, b!, p, true),
  url_encode: ([s]) => urlEncode(s!.sql, '+'),
  url_encode_component: ([s]) => urlEncode(s!.sql, '%20'),
};
