/** Identifiers in the shapes Exchange Online and other mail systems use: trace ids, Message-IDs, hosts. */
import type { Rng } from './rng.js';

// Four hex digits per lookup: ids are built from 16-bit halves of random words.
const HEX4 = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));
const HEX4_UPPER = HEX4.map((h) => h.toUpperCase());
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-=';

/** A random GUID in the 8-4-4-4-12 form (MessageTraceId). */
export function guid(rng: Rng): string {
  const a = rng.u32();
  const b = rng.u32();
  const c = rng.u32();
  const d = rng.u32();
  // Version 4, variant 10xx, as Exchange's GUIDs are.
  return HEX4[a >>> 16]! + HEX4[a & 0xffff]! + '-' + HEX4[b >>> 16]! + '-' + HEX4[(b & 0x0fff) | 0x4000]! + '-'
    + HEX4[((c >>> 16) & 0x3fff) | 0x8000]! + '-' + HEX4[c & 0xffff]! + HEX4[d >>> 16]! + HEX4[d & 0xffff]!;
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

/** Message-ID stamped by Exchange Online for mail sent from one of its mailboxes. */
export function exoMessageId(rng: Rng, server: string, region = 'jpnprd01'): string {
  return `<${server}${hexUpper(rng, 16)}@${server}.${region}.prod.outlook.com>`;
}

/** Message-ID stamped by Gmail. */
export function gmailMessageId(rng: Rng): string {
  return `<CA${token(rng, 1)}${token(rng, 42)}@mail.gmail.com>`;
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
  return `<${stamp}.${hexUpper(rng, 6)}@${rng.chance(0.5) ? 'mail.' : 'mx.'}${domain}>`;
}

/** Message-ID of a bulk mailer (newsletters). */
export function bulkMessageId(rng: Rng, domain: string): string {
  return `<${HEX4[rng.u32() & 0xffff]!}${HEX4[rng.u32() & 0xffff]!}${HEX4[rng.u32() & 0xffff]!}${HEX4[rng.u32() & 0xffff]!}.${rng.int(100000, 999999)}@mailer.${domain}>`;
}
