/**
 * Real IPv4 allocations, by country, that the demo draws addresses from so that GeoIP enrichment
 * resolves them to the right place. They are used for geography only: no traffic is ever sent.
 * Every prefix was checked to resolve wholly to its country in DB-IP IP to Country Lite (the ip-location-db
 * build of 2026-06 that mailsift bundles). Geolocation places Microsoft's pools per datacentre: the EOP_JP
 * /24s are in Japan, and the US pools below are ones DB-IP places in the US (many 40.107.x /24s are in
 * Canada, Europe or Asia).
 */
import type { Rng } from './rng.js';

/** A prefix, the country it resolves to, and what it is (for readers of the demo data). */
export interface IpRange {
  readonly cidr: string;
  readonly country: string;
  readonly owner: string;
}

/** Exchange Online Protection outbound pools in Japan (jpnprd01). */
export const EOP_JP: readonly IpRange[] = [
  { cidr: '40.107.74.0/24', country: 'JP', owner: 'Microsoft EOP (Japan)' },
  { cidr: '40.107.75.0/24', country: 'JP', owner: 'Microsoft EOP (Japan)' },
  { cidr: '40.107.76.0/24', country: 'JP', owner: 'Microsoft EOP (Japan)' },
];

/** Exchange Online Protection outbound pools in the United States. */
export const EOP_US: readonly IpRange[] = [
  { cidr: '40.107.92.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
  { cidr: '40.107.93.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
  { cidr: '104.47.12.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
  { cidr: '104.47.9.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
  { cidr: '52.100.16.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
  { cidr: '52.100.21.0/24', country: 'US', owner: 'Microsoft EOP (US)' },
];

/** Consumer mail providers' outbound servers. */
export const FREEMAIL_RANGES: Readonly<Record<string, readonly IpRange[]>> = {
  'gmail.com': [{ cidr: '209.85.128.0/19', country: 'US', owner: 'Google mail' }],
  'outlook.com': [
    { cidr: '40.92.2.0/24', country: 'US', owner: 'Microsoft Outlook.com' },
    { cidr: '40.92.3.0/24', country: 'US', owner: 'Microsoft Outlook.com' },
    { cidr: '40.92.4.0/24', country: 'US', owner: 'Microsoft Outlook.com' },
  ],
  'hotmail.com': [{ cidr: '40.92.5.0/24', country: 'US', owner: 'Microsoft Outlook.com' }],
  'yahoo.co.jp': [
    { cidr: '182.22.0.0/16', country: 'JP', owner: 'LY Corporation (Yahoo! JAPAN)' },
    { cidr: '183.79.0.0/16', country: 'JP', owner: 'LY Corporation (Yahoo! JAPAN)' },
  ],
  'yahoo.com': [{ cidr: '66.163.184.0/21', country: 'US', owner: 'Yahoo' }],
  'icloud.com': [{ cidr: '17.58.0.0/16', country: 'US', owner: 'Apple' }],
};

/** Hosting and access networks per country, for partners, strangers and spam. */
export const COUNTRY_RANGES: Readonly<Record<string, readonly IpRange[]>> = {
  JP: [
    { cidr: '133.242.0.0/16', country: 'JP', owner: 'SAKURA Internet' },
    { cidr: '210.140.0.0/16', country: 'JP', owner: 'IDC Frontier' },
    { cidr: '126.0.0.0/16', country: 'JP', owner: 'SoftBank' },
    { cidr: '219.94.128.0/17', country: 'JP', owner: 'SAKURA Internet' },
    { cidr: '49.212.0.0/16', country: 'JP', owner: 'SAKURA Internet' },
    { cidr: '210.152.0.0/16', country: 'JP', owner: 'KDDI Web Communications' },
    { cidr: '202.218.0.0/16', country: 'JP', owner: 'Fujitsu' },
  ],
  US: [
    { cidr: '12.0.0.0/16', country: 'US', owner: 'AT&T' },
    { cidr: '17.58.0.0/16', country: 'US', owner: 'Apple' },
  ],
  DE: [
    { cidr: '85.214.0.0/15', country: 'DE', owner: 'Strato' },
    { cidr: '88.198.0.0/16', country: 'DE', owner: 'Hetzner' },
  ],
  GB: [
    { cidr: '81.2.64.0/18', country: 'GB', owner: 'Andrews & Arnold' },
    { cidr: '212.58.224.0/19', country: 'GB', owner: 'BBC' },
    { cidr: '86.128.0.0/16', country: 'GB', owner: 'BT' },
  ],
  FR: [{ cidr: '212.27.32.0/19', country: 'FR', owner: 'Free SAS' }],
  NL: [{ cidr: '145.100.0.0/16', country: 'NL', owner: 'SURF' }],
  CN: [
    { cidr: '61.135.0.0/16', country: 'CN', owner: 'China Unicom Beijing' },
    { cidr: '123.125.0.0/16', country: 'CN', owner: 'China Unicom Beijing' },
    { cidr: '202.108.0.0/16', country: 'CN', owner: 'China Unicom Beijing' },
    { cidr: '183.60.0.0/16', country: 'CN', owner: 'China Telecom Guangdong' },
  ],
  RU: [{ cidr: '217.69.128.0/20', country: 'RU', owner: 'VK (Mail.ru)' }],
  BR: [
    { cidr: '200.147.0.0/16', country: 'BR', owner: 'UOL' },
    { cidr: '201.6.0.0/16', country: 'BR', owner: 'Claro' },
    { cidr: '189.0.0.0/16', country: 'BR', owner: 'Vivo' },
  ],
  IN: [
    { cidr: '117.192.0.0/16', country: 'IN', owner: 'BSNL' },
    { cidr: '14.139.0.0/16', country: 'IN', owner: 'National Knowledge Network' },
  ],
  KR: [
    { cidr: '211.234.0.0/16', country: 'KR', owner: 'LG Uplus' },
    { cidr: '121.128.0.0/16', country: 'KR', owner: 'Korea Telecom' },
  ],
  TW: [{ cidr: '61.216.0.0/14', country: 'TW', owner: 'Chunghwa Telecom' }],
  SG: [{ cidr: '119.73.128.0/17', country: 'SG', owner: 'Singtel' }],
  AU: [
    { cidr: '1.128.0.0/11', country: 'AU', owner: 'Telstra' },
    { cidr: '139.130.0.0/16', country: 'AU', owner: 'Telstra' },
  ],
  VN: [
    { cidr: '113.160.0.0/11', country: 'VN', owner: 'VNPT' },
    { cidr: '14.160.0.0/11', country: 'VN', owner: 'VNPT' },
  ],
  NG: [{ cidr: '41.58.0.0/16', country: 'NG', owner: 'Globacom' }],
  EG: [{ cidr: '41.32.0.0/16', country: 'EG', owner: 'TE Data' }],
  // Embargoed destinations: used only by the planted embargoed-geo incident.
  KP: [{ cidr: '175.45.176.0/23', country: 'KP', owner: 'Star Joint Venture' }],
  IR: [
    { cidr: '2.176.0.0/12', country: 'IR', owner: 'Telecommunication Company of Iran' },
    { cidr: '78.38.0.0/15', country: 'IR', owner: 'Telecommunication Company of Iran' },
  ],
};

/**
 * Ranges that no demo message uses: the noise indicators of the threat-intel feed come from here,
 * so that they never match the demo traffic by accident.
 */
export const UNUSED_RANGES: readonly IpRange[] = [
  { cidr: '95.163.32.0/19', country: 'RU', owner: 'VK (Mail.ru)' },
  { cidr: '183.61.0.0/16', country: 'CN', owner: 'China Telecom Guangdong' },
  { cidr: '41.59.0.0/16', country: 'TZ', owner: 'TTCL' },
  { cidr: '190.0.0.0/18', country: 'CO', owner: 'Telmex Colombia' },
];

const parsed = new Map<string, { base: number; size: number }>();

function parse(cidr: string): { base: number; size: number } {
  let p = parsed.get(cidr);
  if (!p) {
    const [addr, len] = cidr.split('/');
    const base = addr!.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
    p = { base, size: 2 ** (32 - Number(len)) };
    parsed.set(cidr, p);
  }
  return p;
}

/** Dotted quad of a 32-bit address. */
export function formatIpv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** A host address inside the range (never the network or broadcast address). */
export function ipIn(range: IpRange, rng: Rng): string {
  const { base, size } = parse(range.cidr);
  return formatIpv4((base + 1 + Math.floor(rng.next() * (size - 2))) >>> 0);
}

/** A host address in one of the country's ranges. */
export function ipInCountry(country: string, rng: Rng): string {
  const ranges = COUNTRY_RANGES[country];
  if (!ranges) throw new Error(`no demo IP ranges for country ${country}`);
  return ipIn(rng.pick(ranges), rng);
}

/** Whether an IPv4 address lies in the range. */
export function rangeContains(range: IpRange, ip: string): boolean {
  const { base, size } = parse(range.cidr);
  const parts = ip.split('.');
  if (parts.length !== 4) return false;
  const value = parts.reduce((acc, octet) => acc * 256 + Number(octet), 0);
  return value >= base && value < base + size;
}

/** Every range of the table with its country (for tests and for the GeoIP check). */
export function allRanges(): IpRange[] {
  return [...EOP_JP, ...EOP_US, ...Object.values(FREEMAIL_RANGES).flat(), ...Object.values(COUNTRY_RANGES).flat(), ...UNUSED_RANGES];
}
