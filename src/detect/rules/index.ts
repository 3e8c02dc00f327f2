/** Every detection rule, in the order they run. */
import type { DetectionRule } from '../rule.js';
import { embargoedGeo } from './embargoed-geo.js';

export const RULES: readonly DetectionRule[] = [embargoedGeo] as unknown as readonly DetectionRule[];
