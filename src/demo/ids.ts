/** Identifiers in the shapes Exchange Online and other mail systems use: trace ids, Message-IDs, hosts. */
import type { Rng } from './rng.js';

// Four hex digits per lookup: ids are built from 16-bit halves of random words.
const HEX4 = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));
const HEX4_UPPER = HEX4.map((h) => h.toUpperCase());
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-=';

const LOWER = '0123456789abcdef'.split('').map((c) => c.charCodeAt(0));
const UPPER = '0123456789ABCDEF'.split('').map((c) => c.charCodeAt(0));
const GUID_CODES = new Array<number>(36).fill(45);
const GUID_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];

/**
 * A random GUID in the 8-4-4-4-12 form (MessageTraceId), version 4 as Exchange's are. Built as one
 * flat string: pieced together with `+` it would be a tree of string fragments that the garbage
 * collector copies with every row kept in a batch.
 */
export function guid(rng: Rng): string {
  let slot = 0;
  for (let w = 0; w < 4; w++) {
    let v = rng.u32();
    if (w === 1) v = (v & 0xffff0fff) | 0x4000;
    if (w === 2) v = (v & 0x3fffffff) | 0x80000000;
    for (let shift = 28; shift >= 0; shift -= 4) GUID_CODES[GUID_SLOTS[slot++]!] = LOWER[(v >>> shift) & 15]!;
  }
  return String.fromCharCode.apply(null, GUID_CODES);
}

/** `bytes` random bytes as upper-case hex. */
export function hexUpper(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i += 2) s += HEX4_UPPER[rng.u32() & 0xffff]!;
  return bytes % 2 === 0 ? s : s.slice(0, bytes * 2);
}

function token(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += B64[rng.u32() % 64];
  return s;
}

const SERVER_PREFIXES = ['TYCPR01MB', 'OS3PR01MB', 'TYWPR01MB', 'OSZPR01MB', 'TYAPR01MB', 'OS0PR01MB', 'TY3PR01MB'];

/** Mailbox server names of a tenant hosted in Japan (jpnprd01), e.g. TYCPR01MB8642. */
export function mailboxServers(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(SERVER_PREFIXES) + String(rng.int(1000, 14999)));
}

/** Fully qualified host of an Exchange Online server. */
export function exoHost(server: string, region = 'jpnprd01'): string {
  return `${server}.${region}.prod.outlook.com`;
}

const ID_CODES: number[] = [];

/** The parts joined as one flat string (see guid). */
function flat(...parts: string[]): string {
  ID_CODES.length = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) ID_CODES.push(part.charCodeAt(i));
  return String.fromCharCode.apply(null, ID_CODES);
}

/** Message-ID stamped by Exchange Online for mail sent from one of its mailboxes (one flat string, as guid). */
export function exoMessageId(rng: Rng, server: string, region = 'jpnprd01'): string {
  const tail = `@${server}.${region}.prod.outlook.com>`;
  ID_CODES.length = 0;
  ID_CODES.push(60);
  for (let i = 0; i < server.length; i++) ID_CODES.push(server.charCodeAt(i));
  for (let w = 0; w < 4; w++) {
    const v = rng.u32();
    for (let shift = 28; shift >= 0; shift -= 4) ID_CODES.push(UPPER[(v >>> shift) & 15]!);
  }
  for (let i = 0; i < tail.length; i++) ID_CODES.push(tail.charCodeAt(i));
  return String.fromCharCode.apply(null, ID_CODES);
}

/** Message-ID stamped by Gmail. */
export function gmailMessageId(rng: Rng): string {
  return flat('<CA', token(rng, 43), '@mail.gmail.com>');
}

let stampHour = NaN;
let stampPrefix = '';

/** Message-ID of another mail system: a time stamp and a random part at its host. */
export function genericMessageId(rng: Rng, domain: string, t: number): string {
  const hourStart = t - (t % 3_600_000);
  if (hourStart !== stampHour) {
    stampHour = hourStart;
    stampPrefix = new Date(hourStart).toISOString().slice(0, 13).replace(/[-T]/g, '');
  }
  const inHour = t - hourStart;
  const stamp = stampPrefix + TWO[Math.floor(inHour / 60_000)]! + TWO[Math.floor(inHour / 1000) % 60]!;
  return flat('<', stamp, '.', hexUpper(rng, 6), rng.chance(0.5) ? '@mail.' : '@mx.', domain, '>');
}

/** Message-ID of a bulk mailer (newsletters). */
export function bulkMessageId(rng: Rng, domain: string): string {
  return flat(
    '<',
    HEX4[rng.u32() & 0xffff]!,
    HEX4[rng.u32() & 0xffff]!,
    HEX4[rng.u32() & 0xffff]!,
    HEX4[rng.u32() & 0xffff]!,
    '.',
    String(rng.int(100000, 999999)),
    '@mailer.',
    domain,
    '>',
  );
}
