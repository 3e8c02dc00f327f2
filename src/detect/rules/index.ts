/** Every detection rule, in the order they run. */
import type { DetectionRule } from '../rule.js';
import { embargoedGeo } from './embargoed-geo.js';
import { statusSpike } from './status-spike.js';

export const RULES: readonly DetectionRule[] = [statusSpike, embargoedGeo] as unknown as readonly DetectionRule[];
