/** The people and companies of the demo tenant: mailboxes, distribution lists, partners, strangers. */
import { COUNTRY_RANGES, EOP_JP, EOP_US, FREEMAIL_RANGES, ipIn, ipInCountry } from './ip-ranges.js';
import {
  COMPANY_WORDS,
  DEPARTMENTS,
  FREEMAIL,
  GIVEN_NAMES,
  INITIALS,
  PARTNERS,
  SPAM_WORDS,
  SURNAMES,
  SYLLABLES,
  WESTERN_FIRST,
  WESTERN_LAST,
} from './names.js';
import type { DepartmentId } from './names.js';
import { Rng, WeightedPicker } from './rng.js';
import type { DemoOrganization } from './types.js';

/** An internal mailbox. */
export interface Person {
  readonly address: string;
  readonly department: DepartmentId;
  /** Relative activity (a few people send much more than others). */
  readonly weight: number;
  /** Share of this person's mail that leaves the company. */
  readonly external: number;
}

/** A partner company with its contacts and mail servers. */
export interface Partner {
  readonly domain: string;
  readonly name: string;
  readonly country: string;
  readonly lang: 'ja' | 'en';
  readonly contacts: string[];
  /** The servers their mail comes from (EOP when they are on Microsoft 365). */
  readonly outIps: string[];
  /** The server our mail is delivered to. */
  readonly inIp: string;
  /** Their Exchange Online mailbox server (Message-IDs), or null when they run their own mail. */
  readonly mailServer: string | null;
  readonly region: string;
}

/** Another organisation (long tail of customers and vendors, or a spam source). */
export interface Stranger {
  readonly domain: string;
  readonly country: string;
  readonly ip: string;
}

/** A distribution list and its members. */
export interface DistributionList {
  readonly address: string;
  readonly members: string[];
}

/** Everyone who appears in the demo's mail. */
export interface Population {
  readonly org: DemoOrganization;
  readonly tenant: string;
  readonly people: Person[];
  readonly byDepartment: Map<DepartmentId, Person[]>;
  readonly shared: string[];
  readonly lists: DistributionList[];
  readonly partners: Partner[];
  readonly strangers: Stranger[];
  readonly spamDomains: Stranger[];
  readonly pickSender: WeightedPicker<Person>;
  readonly pickExternalSender: WeightedPicker<Person>;
  readonly pickPartner: WeightedPicker<Partner>;
  readonly pickFreemail: WeightedPicker<string>;
  /** People who never write outside the company (factory floor): safe hosts for benign EDR noise. */
  readonly internalOnly: Person[];
  /** An address in the country that no other sender of the demo uses (planted IPs stay unique). */
  readonly freshIp: (rng: Rng, country: string) => string;
  /** Makes a domain no one else in the demo uses, that looks like no protected domain. */
  readonly freshDomain: (rng: Rng, country: string, words?: readonly string[]) => string;
}

/** Mailboxes the planted incidents are about; always present. */
export const PLANTED_PEOPLE = {
  burst: { local: 'k.tanaka', department: 'sales' },
  watchlist: { local: 's.suzuki', department: 'sales' },
  exfiltration: { local: 'r.kobayashi', department: 'dev' },
  partnerTransfer: { local: 't.nakamura', department: 'dev' },
} as const;

const SPAM_COUNTRIES = ['CN', 'RU', 'BR', 'VN', 'IN', 'US', 'NG', 'KR', 'TW', 'FR', 'NL', 'DE'];
const STRANGER_COUNTRIES = ['JP', 'JP', 'JP', 'JP', 'JP', 'JP', 'US', 'US', 'DE', 'GB', 'SG', 'CN', 'KR', 'TW', 'AU', 'FR', 'IN'];
const STRANGER_SUFFIX: Record<string, string[]> = {
  JP: ['co.jp', 'jp', 'co.jp', 'ne.jp', 'or.jp'],
  US: ['com', 'net', 'io'],
  DE: ['de'],
  GB: ['co.uk'],
  SG: ['com.sg'],
  CN: ['com.cn', 'cn'],
  KR: ['co.kr'],
  TW: ['com.tw'],
  AU: ['com.au'],
  FR: ['fr'],
  IN: ['in', 'co.in'],
  RU: ['ru'],
  BR: ['com.br'],
  VN: ['vn', 'com.vn'],
  NG: ['ng', 'com.ng'],
  NL: ['nl'],
  ID: ['co.id'],
  MX: ['com.mx'],
};

/** Levenshtein distance, early-exiting above `limit`. */
export function editDistance(a: string, b: string, limit = 99): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Builds the population of a tenant; the planted people are always there. */
export function buildPopulation(org: DemoOrganization, seed: number): Population {
  const rng = new Rng(seed ^ 0x5eed);
  const home = org.acceptedDomains[0]!;
  const second = org.acceptedDomains[1] ?? home;
  const tenant = `${home.split('.')[0]}.onmicrosoft.com`;
  const taken = new Set<string>();
  const people: Person[] = [];
  const byDepartment = new Map<DepartmentId, Person[]>();
  const add = (local: string, department: DepartmentId, domain: string, external: number): void => {
    const address = `${local}@${domain}`;
    taken.add(address);
    const person: Person = { address, department, weight: Math.min(8, rng.logNormal(1, 0.7)), external };
    people.push(person);
    const list = byDepartment.get(department) ?? [];
    list.push(person);
    byDepartment.set(department, list);
  };
  for (const p of Object.values(PLANTED_PEOPLE)) {
    const dep = DEPARTMENTS.find((d) => d.id === p.department)!;
    add(p.local, p.department, home, dep.external);
  }
  for (const dep of DEPARTMENTS) {
    let have = byDepartment.get(dep.id)?.length ?? 0;
    while (have < dep.size) {
      const local =
        dep.domain === 1
          ? rng.chance(0.5)
            ? `${rng.pick(WESTERN_FIRST)}.${rng.pick(WESTERN_LAST)}`
            : `${rng.pick(GIVEN_NAMES)}.${rng.pick(SURNAMES)}`
          : `${rng.pick(INITIALS)}.${rng.pick(SURNAMES)}`;
      const domain = dep.domain === 1 ? second : home;
      if (taken.has(`${local}@${domain}`)) continue;
      add(local, dep.id, domain, dep.external * (0.5 + rng.next()));
      have++;
    }
  }
  const shared = ['info', 'sales', 'support', 'keiri', 'saiyo', 'soumu'].map((l) => `${l}@${home}`);
  const members = (ids: DepartmentId[]): string[] => people.filter((p) => ids.includes(p.department)).map((p) => p.address);
  const lists: DistributionList[] = [
    { address: `eigyo-all@${home}`, members: members(['sales']) },
    { address: `dev-team@${home}`, members: members(['dev']).slice(0, 40) },
    { address: `keiri-team@${home}`, members: members(['finance']) },
    { address: `managers@${home}`, members: rng.sample(people, 25).map((p) => p.address) },
    { address: `global-team@${second}`, members: members(['overseas']) },
  ];

  const protectedLabels = [...org.acceptedDomains, ...PARTNERS.map((p) => p.domain)].map((d) => d.split('.')[0]!);
  const usedIps = new Set<string>();
  const freshIp = (r: Rng, country: string): string => {
    for (;;) {
      const ip = ipInCountry(country, r);
      if (usedIps.has(ip)) continue;
      usedIps.add(ip);
      return ip;
    }
  };
  const partners: Partner[] = PARTNERS.map((p) => {
    const contacts: string[] = [];
    const n = rng.int(3, 6);
    while (contacts.length < n) {
      const s = rng.pick(SURNAMES);
      const local =
        p.lang === 'en'
          ? `${rng.pick(WESTERN_FIRST)}.${rng.pick(WESTERN_LAST)}`
          : rng.pick([`${rng.pick(GIVEN_NAMES)}.${s}`, `${s}-${rng.pick(INITIALS)}`, `${rng.pick(INITIALS)}-${s}`, s]);
      const a = `${local}@${p.domain}`;
      if (!contacts.includes(a)) contacts.push(a);
    }
    contacts.push(`info@${p.domain}`);
    const pools = p.m365 ? (p.country === 'JP' ? EOP_JP : EOP_US) : COUNTRY_RANGES[p.country]!;
    const outIps = Array.from({ length: rng.int(1, 3) }, () => ipIn(rng.pick(pools), rng));
    const inIp = p.m365 ? ipIn(rng.pick(pools), rng) : outIps[0]!;
    for (const ip of [...outIps, inIp]) usedIps.add(ip);
    const mailServer = p.m365 ? `${p.country === 'JP' ? 'TYZPR01MB' : 'SA1PR12MB'}${rng.int(1000, 9999)}` : null;
    const region = p.country === 'JP' ? 'jpnprd01' : 'namprd12';
    return { domain: p.domain, name: p.name, country: p.country, lang: p.lang, contacts, outIps, inIp, mailServer, region };
  });

  const usedDomains = new Set<string>([...org.acceptedDomains, ...PARTNERS.map((p) => p.domain), ...FREEMAIL.map((f) => f.domain)]);
  const makeDomain = (words: readonly string[], country: string, r: Rng = rng): string => {
    for (;;) {
      const label = r.chance(0.5)
        ? `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.chance(0.5) ? '-' : ''}${r.pick(words)}`
        : `${r.pick(words)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}`;
      const domain = `${label}.${r.pick(STRANGER_SUFFIX[country] ?? ['com'])}`;
      // Keep the background free of look-alikes: those are planted on purpose, with an answer key.
      if (usedDomains.has(domain) || protectedLabels.some((l) => label.includes(l) || editDistance(label, l, 3) <= 3)) continue;
      usedDomains.add(domain);
      return domain;
    }
  };
  const strangers: Stranger[] = Array.from({ length: 400 }, () => {
    const country = rng.pick(STRANGER_COUNTRIES);
    return { domain: makeDomain(COMPANY_WORDS, country), country, ip: freshIp(rng, country) };
  });
  const spamDomains: Stranger[] = Array.from({ length: 1500 }, () => {
    const country = rng.pick(SPAM_COUNTRIES);
    return { domain: makeDomain(SPAM_WORDS, country), country, ip: freshIp(rng, country) };
  });

  const pickSender = new WeightedPicker(
    people,
    people.map((p) => p.weight),
  );
  const externalPeople = people.filter((p) => p.external > 0);
  const pickExternalSender = new WeightedPicker(
    externalPeople,
    externalPeople.map((p) => p.weight * p.external),
  );
  const pickPartner = new WeightedPicker(
    partners,
    PARTNERS.map((p) => p.weight),
  );
  const pickFreemail = new WeightedPicker(
    FREEMAIL.map((f) => f.domain),
    FREEMAIL.map((f) => f.weight),
  );
  const internalOnly = people.filter((p) => p.external === 0);
  return {
    org,
    tenant,
    people,
    byDepartment,
    shared,
    lists,
    partners,
    strangers,
    spamDomains,
    pickSender,
    pickExternalSender,
    pickPartner,
    pickFreemail,
    internalOnly,
    freshDomain: (r, country, words = COMPANY_WORDS) => makeDomain(words, country, r),
    freshIp,
  };
}

/** A sending IP of a consumer mail provider. */
export function freemailIp(domain: string, rng: Rng): string {
  const ranges = FREEMAIL_RANGES[domain] ?? FREEMAIL_RANGES['gmail.com']!;
  return ipIn(rng.pick(ranges), rng);
}
