/** Normalisation of indicator values (emails, domains, IPs, CIDRs) so that feeds and mail data compare equal. */
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import type { IndicatorRow } from '../schema/index.js';

/** Indicator types of the Indicators table. */
export type IndicatorType = IndicatorRow['Type'];

/** A normalised value with its type, or why it was refused. */
export type Normalized = { Indicator: string; Type: IndicatorType } | { reason: string };

/** Undoes the usual defanging of shared indicators: `evil[.]com`, `user[@]evil.com`, `hxxp://`. */
export function refang(value: string): string {
  return value
    .trim()
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[@\]|\(@\)|\[at\]|\(at\)/gi, '@')
    .replace(/^hxxp/i, 'http');
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/;

/** Lower-cased address without `mailto:` or angle brackets, or undefined when it is not one. */
export function normalizeEmail(raw: string): string | undefined {
  let s = raw.trim().replace(/^mailto:/i, '');
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1);
  s = s.toLowerCase();
  if (!EMAIL.test(s)) return undefined;
  const domain = normalizeDomain(s.slice(s.lastIndexOf('@') + 1));
  return domain ? s : undefined;
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-case ASCII (punycode) host name without trailing dot or leading `*.`, or undefined when it is not one. */
export function normalizeDomain(raw: string): string | undefined {
  let s = raw.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  if (s === '' || s.includes('/') || s.includes('@')) return undefined;
  s = domainToASCII(s);
  if (s === '' || s.length > 253) return undefined;
  const labels = s.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  // A numeric last label is an IPv4 address, not a domain.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return undefined;
  return s;
}

function canonicalIp(addr: ipaddr.IPv4 | ipaddr.IPv6): string {
  return addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}

/** An IP address or CIDR in canonical form; a single-address CIDR (/32, /128) becomes an ip; host bits are cleared. */
export function normalizeIpOrCidr(raw: string): { Indicator: string; Type: 'ip' | 'cidr' } | undefined {
  let s = raw.trim();
  if (s.startsWith('[') && s.includes(']')) s = s.slice(1).replace(']', '');
  const slash = s.indexOf('/');
  try {
    if (slash < 0) {
      if (!ipaddr.isValid(s) || (!s.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(s))) return undefined;
      let addr = ipaddr.parse(s);
      if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
      return { Indicator: canonicalIp(addr), Type: 'ip' };
    }
    const host = s.slice(0, slash);
    if (!host.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(host)) return undefined;
    if (!/^\d{1,3}$/.test(s.slice(slash + 1))) return undefined;
    let [addr, bits] = ipaddr.parseCIDR(s);
    if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      addr = (addr as ipaddr.IPv6).toIPv4Address();
      bits -= 96;
    }
    const max = addr.kind() === 'ipv4' ? 32 : 128;
    if (bits === max) return { Indicator: canonicalIp(addr), Type: 'ip' };
    const network =
      addr.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${bits}`)
        : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${bits}`);
    return { Indicator: `${canonicalIp(network)}/${bits}`, Type: 'cidr' };
  } catch {
    return undefined;
  }
}

/** The type a bare value most likely has, or undefined when it is none of email, domain, ip, cidr. */
export function guessType(raw: string): IndicatorType | undefined {
  const s = refang(raw);
  if (s.includes('@')) return normalizeEmail(s) ? 'email' : undefined;
  const ip = normalizeIpOrCidr(s);
  if (ip) return ip.Type;
  return normalizeDomain(s) ? 'domain' : undefined;
}

/** Normalises a value of a known (or guessed, when `type` is undefined) type. */
export function normalizeIndicator(raw: string, type?: IndicatorType): Normalized {
  const s = refang(raw);
  if (s === '') return { reason: 'empty value' };
  const t = type ?? guessType(s);
  if (!t) return { reason: 'not an email address, domain, IP address or CIDR' };
  if (t === 'email') {
    const v = normalizeEmail(s);
    return v ? { Indicator: v, Type: 'email' } : { reason: 'invalid email address' };
  }
  if (t === 'domain') {
    const v = normalizeDomain(s);
    return v ? { Indicator: v, Type: 'domain' } : { reason: 'invalid domain name' };
  }
  const ip = normalizeIpOrCidr(s);
  if (!ip) return { reason: t === 'cidr' ? 'invalid CIDR' : 'invalid IP address' };
  return ip;
}
