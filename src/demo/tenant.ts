/** generateTenant: a deterministic month of message trace for a fictional tenant, streamed in time order. */
import type { TraceRecord } from '../schema/index.js';
import { Calendar } from './calendar.js';
import { DemoOptionsError } from './errors.js';
import { eventsFor } from './events.js';
import { TraceSink } from './mail.js';
import { newsletterHour, newsletters } from './newsletters.js';
import type { Newsletter } from './newsletters.js';
import { plantAll } from './planted.js';
import type { Planted } from './planted.js';
import { buildPopulation } from './population.js';
import { Rng, hashSeed } from './rng.js';
import { SPAM_SHARE, hourBudget, backgroundHour } from './traffic.js';
import type { DemoBatch, DemoOptions, DemoOrganization, DemoTenant } from './types.js';
import { World } from './world.js';

const DAY_MS = 86_400_000;

/** Contoso, a 300-person company in Japan. */
export const DEFAULT_ORGANIZATION: DemoOrganization = {
  name: 'Contoso',
  acceptedDomains: ['contoso.co.jp', 'contoso.com'],
  homeCountries: ['JP'],
  embargoedCountries: ['KP', 'IR', 'SY', 'CU'],
};

/** Builds a demo tenant; rows are generated lazily by `batches()`, the same ones on every call. */
export function generateTenant(options: DemoOptions = {}): DemoTenant {
  const seed = options.seed ?? 1;
  const days = options.days ?? 30;
  const start = options.start ?? Math.floor(Date.now() / DAY_MS) * DAY_MS - days * DAY_MS;
  const messagesPerDay = options.messagesPerDay ?? 4000;
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  const batchSize = options.batchSize ?? 10_000;
  const org = options.organization ?? DEFAULT_ORGANIZATION;
  if (!Number.isSafeInteger(seed)) throw new DemoOptionsError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(days) || days < 1) throw new DemoOptionsError(`days must be a whole number of at least 1, got ${days}`);
  if (!Number.isFinite(start) || start % DAY_MS !== 0) throw new DemoOptionsError('start must be a UTC midnight in milliseconds');
  if (!(messagesPerDay >= 0) || !Number.isFinite(messagesPerDay))
    throw new DemoOptionsError(`messagesPerDay must be a positive number, got ${messagesPerDay}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new DemoOptionsError(`batchSize must be a positive integer, got ${batchSize}`);
  if (org.acceptedDomains.length === 0) throw new DemoOptionsError('organization.acceptedDomains must name at least one domain');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new DemoOptionsError(`unknown time zone ${timeZone}`);
  }
  const eventsSample = options.eventsSample ?? (messagesPerDay <= 20_000 ? 1 : 0.02);
  const cal = new Calendar(start, days, timeZone, options.holidays ?? timeZone === 'Asia/Tokyo');
  const organization = { ...org, acceptedDomains: org.acceptedDomains.map((d) => d.toLowerCase()) };
  const world = new World(seed, organization, buildPopulation(organization, seed), cal, messagesPerDay);
  const letters = newsletters(world);
  // Incidents need a few whole local days: a baseline before them and room for their hours.
  const planted = plantAll(world, (options.incidents ?? true) && cal.fullDays().length >= 3);
  const spamPerWorkday = messagesPerDay * SPAM_SHARE;
  const businessPerDay = Math.max(0, messagesPerDay - spamPerWorkday - newsletterRowsPerWorkday(letters));
  const expectedRows = Math.round(
    cal.hours.reduce((sum, h) => {
      const b = hourBudget(world, h, businessPerDay);
      return sum + b.business + b.spam;
    }, 0) +
      newsletterRows(cal, letters) +
      planted.rowCount,
  );

  return {
    organization,
    tenant: world.tenant,
    start: cal.start,
    end: cal.end,
    timeZone,
    batches: () => stream(world, letters, planted, businessPerDay, eventsSample, batchSize),
    answerKey: planted.answerKey,
    benignTraps: planted.benignTraps,
    indicators: planted.indicators,
    watchlist: planted.watchlist,
    users: [...world.pop.people.map((p) => p.address), ...world.pop.shared],
    expectedRows,
  };
}

function* stream(
  world: World,
  letters: readonly Newsletter[],
  planted: Planted,
  businessPerDay: number,
  eventsSample: number,
  batchSize: number,
): Generator<DemoBatch> {
  const sink = new TraceSink(world.tenant);
  let buffer: TraceRecord[] = [];
  let batchIndex = 0;
  const flush = (): DemoBatch => {
    const traces = buffer;
    buffer = [];
    return { traces, events: eventsFor(world, traces, eventsSample, new Rng(hashSeed(world.seed, 0xe7, batchIndex++))) };
  };
  let carry = 0;
  for (const hour of world.cal.hours) {
    const rng = new Rng(hashSeed(world.seed, hour.index));
    carry = backgroundHour(world, hour, rng, sink, businessPerDay, carry);
    newsletterHour(world, letters, hour, rng, sink);
    for (const r of planted.rowsByHour.get(hour.index) ?? []) sink.rows.push({ ...r });
    const rows = inTimeOrder(sink.take(), hour.utc);
    let i = 0;
    while (i < rows.length) {
      const take = Math.min(rows.length - i, batchSize - buffer.length);
      for (let j = 0; j < take; j++) buffer.push(rows[i + j]!);
      i += take;
      if (buffer.length >= batchSize) yield flush();
    }
  }
  if (buffer.length > 0) yield flush();
}

/**
 * The hour's rows in time order, each message's rows kept together. Messages are sorted by a packed
 * numeric key (ms into the hour, then message number) in a typed array: much faster than a comparator.
 */
function inTimeOrder(rows: TraceRecord[], hourStart: number): TraceRecord[] {
  const starts: number[] = [];
  let previous = '';
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!.MessageTraceId;
    if (id !== previous) {
      starts.push(i);
      previous = id;
    }
  }
  const keys = new Float64Array(starts.length);
  for (let m = 0; m < starts.length; m++) keys[m] = (rows[starts[m]!]!.Received - hourStart) * 1_048_576 + m;
  keys.sort();
  const out = new Array<TraceRecord>(rows.length);
  let k = 0;
  for (let j = 0; j < keys.length; j++) {
    const m = keys[j]! % 1_048_576;
    const end = m + 1 < starts.length ? starts[m + 1]! : rows.length;
    for (let i = starts[m]!; i < end; i++) out[k++] = rows[i]!;
  }
  return out;
}

function newsletterRowsPerWorkday(letters: readonly Newsletter[]): number {
  let weekly = 0;
  for (let w = 1; w <= 5; w++) for (const n of letters) if (n.on(w, true)) weekly += n.recipients.length + (n.list ? 1 : 0);
  return weekly / 5;
}

function newsletterRows(cal: Calendar, letters: readonly Newsletter[]): number {
  let rows = 0;
  for (const h of cal.hours)
    for (const n of letters) if (h.localHour === n.hour && n.on(h.weekday, h.workday)) rows += n.recipients.length + (n.list ? 1 : 0);
  return rows;
}
