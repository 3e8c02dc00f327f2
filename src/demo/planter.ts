/** Tools for planting incidents: which days they happen on, and writing their rows with an answer key. */
import type { IndicatorRow, Status, TraceRecord, WatchlistRow } from '../schema/index.js';
import type { LocalDay } from './calendar.js';
import { TraceSink } from './mail.js';
import { Rng } from './rng.js';
import type { BenignTrap, IncidentEntities, PlantedIncident, RuleId } from './types.js';
import type { World } from './world.js';

/** Days chosen for the planted stories (several may share a day in a short window). */
export interface IncidentDays {
  statusSpike: LocalDay;
  campaignJa: LocalDay;
  campaignEn: LocalDay;
  outboundBurst: LocalDay;
  lookalike: LocalDay[];
  threatIntel: LocalDay[];
  embargoKp: LocalDay;
  embargoIr: LocalDay;
  largeTransfer: LocalDay;
  watchlist: LocalDay;
  partnerTransfer: LocalDay;
}

/** One planted message. */
export interface PlantedMail {
  t: number;
  sender: string;
  recipients: readonly string[];
  subject: string;
  size: number;
  fromIp: string;
  /** One IP for every recipient, or a function of the recipient. */
  toIp: string | ((recipient: string) => string);
  /** One status for every recipient, or a function of the recipient. */
  status: Status | ((recipient: string) => Status);
  messageId: string;
  traceId: string;
}

/** Collects planted rows, the answer key, benign traps and the side tables. */
export class Planter {
  readonly sink: TraceSink;
  readonly rng: Rng;
  readonly key: PlantedIncident[] = [];
  readonly traps: BenignTrap[] = [];
  readonly indicators: IndicatorRow[] = [];
  readonly watchlist: WatchlistRow[] = [];
  readonly days: IncidentDays;

  constructor(readonly world: World) {
    this.sink = new TraceSink(world.tenant);
    this.rng = new Rng(world.seed ^ 0x91a7);
    this.days = pickDays(world, this.rng);
  }

  /** UTC instant of a local time on a day. */
  at(day: LocalDay, hour: number, minute = 0): number {
    return this.world.cal.localTime(day, hour, minute);
  }

  /** `n` sorted random instants in [from, to). */
  times(n: number, from: number, to: number): number[] {
    return Array.from({ length: n }, () => from + Math.floor(this.rng.next() * (to - from))).sort((a, b) => a - b);
  }

  /** Writes one message's rows and returns them. */
  mail(m: PlantedMail): TraceRecord[] {
    const start = this.sink.rows.length;
    for (const r of m.recipients) {
      const toIp = typeof m.toIp === 'string' ? m.toIp : m.toIp(r);
      const status = typeof m.status === 'string' ? m.status : m.status(r);
      this.sink.row(m.t, m.sender, r, m.subject, status, m.fromIp, toIp, m.size, m.messageId, m.traceId);
    }
    return this.sink.rows.slice(start);
  }

  /** Adds an answer-key entry spanning the given rows (or from an earlier instant, e.g. an EDR alert). */
  incident(rule: RuleId, rows: readonly TraceRecord[], entities: IncidentEntities, description: string, from?: number): void {
    if (rows.length === 0) return;
    let first = Infinity;
    let last = -Infinity;
    for (const r of rows) {
      if (r.Received < first) first = r.Received;
      if (r.Received > last) last = r.Received;
    }
    this.key.push({ rule, from: from ?? first, to: last, entities, count: rows.length, description });
  }

  /** Adds a benign trap spanning the given rows or instants. */
  trap(trap: BenignTrap): void {
    this.traps.push(trap);
  }
}

/**
 * Working days after a warm-up (detections need a baseline) and before the last day (whose last hour
 * is still settling), shuffled; stories are dealt to them in turn.
 */
function pickDays(world: World, rng: Rng): IncidentDays {
  const full = world.cal.fullDays();
  const warmup = Math.min(7, Math.floor(full.length / 3));
  let eligible = full.filter((d, i) => d.workday && i >= warmup && i < full.length - 1);
  if (eligible.length === 0) eligible = full.filter((d) => d.workday);
  if (eligible.length === 0) eligible = full.length > 0 ? full : world.cal.days;
  const order = rng.sample(eligible, eligible.length);
  let i = 0;
  const next = (): LocalDay => order[i++ % order.length]!;
  return {
    statusSpike: next(),
    campaignJa: next(),
    outboundBurst: next(),
    lookalike: [next(), next()],
    largeTransfer: next(),
    watchlist: next(),
    campaignEn: next(),
    threatIntel: [next(), next()],
    embargoKp: next(),
    embargoIr: next(),
    partnerTransfer: next(),
  };
}
