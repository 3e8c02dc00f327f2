/** Every detection rule, in the order they run. */
import type { DetectionRule } from '../rule.js';
import { embargoedGeo } from './embargoed-geo.js';
import { largeTransfer } from './large-transfer.js';
import { lookalikeDomain } from './lookalike-domain.js';
import { outboundBurst } from './outbound-burst.js';
import { partnerCompromise } from './partner-compromise.js';
import { statusSpike } from './status-spike.js';
import { subjectCampaign } from './subject-campaign.js';
import { threatIntelMatch } from './threat-intel-match.js';
import { watchlistCorrelation } from './watchlist-correlation.js';

export const RULES: readonly DetectionRule[] = [
  statusSpike,
  subjectCampaign,
  outboundBurst,
  lookalikeDomain,
  threatIntelMatch,
  embargoedGeo,
  largeTransfer,
  watchlistCorrelation,
  partnerCompromise,
] as unknown as readonly DetectionRule[];
