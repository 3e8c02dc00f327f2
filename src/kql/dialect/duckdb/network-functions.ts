/**
 * DuckDB SQL of Kusto's IPv6 and URL-encoding functions. An address is read as its 128 bits written as '0'/'1'
 * text (an IPv4 address as ::ffff:a.b.c.d, its /prefix counted from bit 96), so a masked comparison is a comparison
 * of the first bits. DuckDB's inet extension is not used: it is downloaded on first use, and mailsift runs offline.
 */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { escapeString } from './escape.js';

let names = 0;
/** `body(x)` with `x` bound once, through a one-element list (DuckDB has no LET). */
const bind = (value: string, body: (x: string) => string): string => {
  const x = `_ip${++names}`;
  return `list_transform([${value}], ${x} -> ${body(x)})[1]`;
};

const IPV4 = escapeString('[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}');
const IPV4_TAIL = escapeString('^(.*:)([0-9]{1,3})[.]([0-9]{1,3})[.]([0-9]{1,3})[.]([0-9]{1,3})$');
const GROUP = escapeString('[0-9a-f]{1,4}');

/** The 128 bits of an IPv4 address's four octets (as ::ffff:a.b.c.d); null when an octet is over 255. */
const v4Bits = (a: string): string =>
  bind(
    `list_transform(string_split(${a}, '.'), _o -> CAST(_o AS INTEGER))`,
    (os) =>
      `CASE WHEN list_max(${os}) <= 255 THEN repeat('0', 80) || repeat('1', 16) || array_to_string(list_transform(${os}, _o -> lpad(bin(_o), 8, '0')), '') END`,
  );

/** The 128 bits of IPv6 text (lower case, `::` and a dotted IPv4 tail allowed); null when it is not one. */
const v6Bits = (a: string): string => {
  // A dotted IPv4 tail (::ffff:1.2.3.4, ::1.2.3.4) becomes two groups.
  const octet = (i: number): string => `CAST(regexp_extract(${a}, ${IPV4_TAIL}, ${i + 1}) AS INTEGER)`;
  const tail = `CASE WHEN regexp_matches(${a}, ${IPV4_TAIL}) THEN CASE WHEN greatest(${[1, 2, 3, 4].map(octet).join(', ')}) <= 255 THEN regexp_extract(${a}, ${IPV4_TAIL}, 1) || printf('%x:%x', ${octet(1)} * 256 + ${octet(2)}, ${octet(3)} * 256 + ${octet(4)}) END ELSE ${a} END`;
  return bind(tail, (t) =>
    bind(`string_split(${t}, '::')`, (halves) => {
      const side = (i: number): string => `CASE WHEN ${halves}[${i}] = '' THEN []::VARCHAR[] ELSE string_split(${halves}[${i}], ':') END`;
      const groups =
        `CASE WHEN len(${halves}) = 1 THEN string_split(${t}, ':') ` +
        `WHEN len(${halves}) = 2 THEN list_concat(${side(1)}, list_transform(range(greatest(8 - len(${side(1)}) - len(${side(2)}), 0)), _z -> '0'), ${side(2)}) END`;
      return bind(
        groups,
        (g) =>
          `CASE WHEN len(${g}) = 8 AND (len(${halves}) = 1 OR len(${side(1)}) + len(${side(2)}) <= 7) AND list_bool_and(list_transform(${g}, _g -> regexp_full_match(_g, ${GROUP}))) ` +
          `THEN array_to_string(list_transform(${g}, _g -> lpad(bin(CAST('0x' || _g AS INTEGER)), 16, '0')), '') END`,
      );
    }),
  );
};

/** `{'bits', 'prefix'}` of an address with an optional /prefix (IPv4's counted from bit 96); null when invalid. */
function ipBits(x: string, v4only: boolean): string {
  return bind(`lower(trim(${x}))`, (s) =>
    bind(`split_part(${s}, '/', 1)`, (a) =>
      bind(`CASE WHEN contains(${s}, '/') THEN TRY_CAST(split_part(${s}, '/', 2) AS INTEGER) END`, (p) => {
        const v4 = `CASE WHEN NOT contains(${s}, '/') OR ${p} BETWEEN 0 AND 32 THEN {'bits': ${v4Bits(a)}, 'prefix': coalesce(${p} + 96, 128)} END`;
        const v6 = `CASE WHEN NOT contains(${s}, '/') OR ${p} BETWEEN 0 AND 128 THEN {'bits': ${v6Bits(a)}, 'prefix': coalesce(${p}, 128)} END`;
        return `CASE WHEN regexp_full_match(${a}, ${IPV4}) THEN ${v4}${v4only ? '' : ` WHEN contains(${a}, ':') THEN ${v6}`} END`;
      }),
    ),
  );
}

/**
 * The two addresses' bits, cut to the combined prefix (their own prefixes and `prefix`); `body` gets the cut texts.
 * `v4` reads IPv4 addresses only, and `prefix` then counts IPv4 bits (ipv4_is_match).
 */
function masked(a: SimpleArg, b: SimpleArg, prefix: SimpleArg | undefined, body: (x: string, y: string) => string, v4 = false): string {
  names = 0;
  const [top, shift] = v4 ? [32, ' + 96'] : [128, ''];
  return bind(ipBits(a.sql, v4), (x) =>
    bind(ipBits(b.sql, v4), (y) =>
      bind(
        `least(${x}.prefix, ${y}.prefix${prefix ? `, CASE WHEN ${prefix.sql} BETWEEN 0 AND ${top} THEN CAST(${prefix.sql} AS INTEGER)${shift} END` : ''})`,
        (m) =>
          `CASE WHEN ${x}.bits IS NOT NULL AND ${y}.bits IS NOT NULL THEN ${body(`left(${x}.bits, ${m})`, `left(${y}.bits, ${m})`)} END`,
      ),
    ),
  );
}

/** Kusto's url_encode (application/x-www-form-urlencoded, as .NET's HttpUtility.UrlEncode): `space` for ' '. */
function urlEncode(s: string, space: string): string {
  names = 0;
  return bind(`hex(encode(${s}))`, (hx) =>
    bind(
      `list_transform(range(length(${hx}) // 2), _i -> substr(${hx}, 2 * _i + 1, 2))`,
      (bytes) =>
        `array_to_string(list_transform(${bytes}, _b -> CASE WHEN _b = '20' THEN '${space}' ` +
        `WHEN _b < '80' AND regexp_full_match(chr(CAST('0x' || _b AS INTEGER)), '[A-Za-z0-9_.!*()-]') THEN chr(CAST('0x' || _b AS INTEGER)) ` +
        `ELSE '%' || lower(_b) END), '')`,
    ),
  );
}

export const networkFunctions: SimpleFunctions = {
  ipv6_is_match: ([a, b, p]) => masked(a!, b!, p, (x, y) => `${x} = ${y}`),
  // The range's prefix decides (an address has none of its own): ipv6_is_match of the two.
  ipv6_is_in_range: ([a, r]) => masked(a!, r!, undefined, (x, y) => `${x} = ${y}`),
  ipv4_is_match: ([a, b, p]) => masked(a!, b!, p, (x, y) => `${x} = ${y}`, true),
  ipv6_compare: ([a, b, p]) =>
    masked(a!, b!, p, (x, y) => `CAST(CASE WHEN ${x} < ${y} THEN -1 WHEN ${x} > ${y} THEN 1 ELSE 0 END AS BIGINT)`),
  url_encode: ([s]) => urlEncode(s!.sql, '+'),
  url_encode_component: ([s]) => urlEncode(s!.sql, '%20'),
};
