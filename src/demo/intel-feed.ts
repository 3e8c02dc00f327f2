/** Side tables: unrelated threat-intel indicators and benign EDR detections (the noise around the planted ones). */
import type { IndicatorRow, WatchlistRow } from '../schema/index.js';
import { UNUSED_RANGES, ipIn } from './ip-ranges.js';
import type { Planter } from './planter.js';

const DAY_MS = 86_400_000;
// Top-level domains no demo message uses, so noise indicators can never match the demo traffic.
const NOISE_TLDS = ['top', 'xyz', 'click', 'icu', 'buzz', 'monster'];
const NOISE_WORDS = ['secure', 'login', 'update', 'cdn', 'files', 'docs', 'verify', 'portal', 'cloud', 'sync', 'office', 'auth'];
const ACTORS = ['TA505', 'FIN7', 'APT28', 'Kimsuky', 'TA577', 'Storm-0558', 'Scattered Spider', ''];
const LABELS = [
  ['phishing'],
  ['malware', 'c2'],
  ['spam-source'],
  ['credential-harvest'],
  ['ransomware'],
  ['scanner'],
  ['malspam', 'qakbot'],
];

/** Indicators that match nothing in the demo mail (a real feed is mostly about other people's problems). */
export function noiseIndicators(p: Planter): void {
  const { rng, world } = p;
  const domain = (): string => `${rng.pick(NOISE_WORDS)}-${rng.pick(NOISE_WORDS)}${rng.int(1, 99)}.${rng.pick(NOISE_TLDS)}`;
  for (let i = 0; i < 60; i++) {
    const kind = rng.pick(['email', 'domain', 'domain', 'ip', 'ip', 'cidr'] as const);
    const indicator =
      kind === 'email'
        ? `${rng.pick(['billing', 'hr', 'payroll', 'support'])}@${domain()}`
        : kind === 'domain'
          ? domain()
          : kind === 'ip'
            ? ipIn(rng.pick(UNUSED_RANGES), rng)
            : `${ipIn(rng.pick(UNUSED_RANGES), rng).replace(/\.\d+$/, '.0')}/24`;
    const expired = rng.chance(0.15);
    p.indicators.push({
      Indicator: indicator,
      Type: kind,
      Confidence: rng.int(20, 95),
      Actor: rng.pick(ACTORS),
      Labels: rng.pick(LABELS),
      Feed: 'demo-intel',
      ValidFrom: world.cal.start - rng.int(30, 200) * DAY_MS,
      ValidUntil: expired ? world.cal.start - rng.int(1, 20) * DAY_MS : rng.chance(0.3) ? null : world.cal.end + rng.int(10, 120) * DAY_MS,
    } satisfies IndicatorRow);
  }
}

/** Low-severity EDR detections on people who never mail outside the company (nothing to correlate). */
export function noiseWatchlist(p: Planter): void {
  const { rng, world } = p;
  const hosts = rng.sample(world.pop.internalOnly, 6);
  const detections = [
    ['PUA:Win32/uTorrent', 'Low'],
    ['Adware:Win32/Hotbar', 'Low'],
    ['PUA:Win32/CCleaner', 'Informational'],
    ['Virus:DOS/EICAR_Test_File', 'Informational'],
    ['HackTool:Win32/AutoKMS', 'Medium'],
    ['PUA:Win32/Presenoker', 'Low'],
  ] as const;
  const full = world.cal.fullDays();
  const days = full.length > 0 ? full : world.cal.days;
  hosts.forEach((host, i) => {
    const [detection, severity] = detections[i % detections.length]!;
    const day = days[rng.int(0, days.length - 1)]!;
    p.watchlist.push({
      Timestamp: p.at(day, rng.int(8, 18), rng.int(0, 59)),
      User: host.address,
      Product: rng.chance(0.5) ? 'Microsoft Defender for Endpoint' : 'CrowdStrike Falcon',
      Detection: detection,
      Severity: severity,
      Name: 'edr',
    } satisfies WatchlistRow);
  });
}
