/** Plants every incident and benign trap of the demo and gathers their rows, answer key and side tables. */
import type { IndicatorRow, TraceRecord, WatchlistRow } from '../schema/index.js';
import { plantBenignTraps } from './benign-traps.js';
import { plantCampaigns, plantEmbargoed, plantLookalikes, plantStatusSpike, plantThreatIntel } from './incidents-inbound.js';
import { plantPartnerIncidents } from './incidents-partners.js';
import { plantLargeTransfer, plantOutboundBurst, plantWatchlistCorrelation } from './incidents-outbound.js';
import { noiseIndicators, noiseWatchlist } from './intel-feed.js';
import { Planter } from './planter.js';
import type { BenignTrap, PlantedIncident } from './types.js';
import type { World } from './world.js';

/** Everything planted, with the rows grouped by the window's hour index. */
export interface Planted {
  rowsByHour: Map<number, TraceRecord[]>;
  rowCount: number;
  answerKey: PlantedIncident[];
  benignTraps: BenignTrap[];
  indicators: IndicatorRow[];
  watchlist: WatchlistRow[];
}

/** Plants the stories when `incidents` is true; the side tables always carry their noise. */
export function plantAll(world: World, incidents: boolean): Planted {
  const p = new Planter(world);
  if (incidents) {
    plantStatusSpike(p);
    plantCampaigns(p);
    plantOutboundBurst(p);
    plantLookalikes(p);
    plantThreatIntel(p);
    plantEmbargoed(p);
    plantLargeTransfer(p);
    plantWatchlistCorrelation(p);
    plantBenignTraps(p);
    plantPartnerIncidents(p);
  }
  noiseIndicators(p);
  noiseWatchlist(p);
  const rowsByHour = new Map<number, TraceRecord[]>();
  const rows = p.sink.take();
  for (const r of rows) {
    const hour = world.cal.hourAt(r.Received);
    if (!hour) throw new Error(`planted row outside the window: ${new Date(r.Received).toISOString()}`);
    const list = rowsByHour.get(hour.index) ?? [];
    list.push(r);
    rowsByHour.set(hour.index, list);
  }
  p.key.sort((a, b) => a.from - b.from);
  p.watchlist.sort((a, b) => a.Timestamp - b.Timestamp);
  return { rowsByHour, rowCount: rows.length, answerKey: p.key, benignTraps: p.traps, indicators: p.indicators, watchlist: p.watchlist };
}
