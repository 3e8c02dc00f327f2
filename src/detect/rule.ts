/** The rule framework: what a detection rule is, and the context the runner gives it. */
import type { z } from 'zod';
import type { Organization } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { DetectSettings } from './detect-settings.js';
import type { FindingDraft, RuleId } from './finding.js';
import type { LocalClock } from './time-zone.js';

/** What a rule sees of the world during one run. Times are ms since the epoch (UTC). */
export interface RuleContext {
  store: Store;
  organization: Organization;
  settings: DetectSettings;
  /** Findings must start in [from, to]. */
  from: number;
  to: number;
  now: number;
  /** Start of the history baselines may use (from - baselineDays). */
  historyFrom: number;
  clock: LocalClock;
  /** Run KQL (compiled for the store's dialect) and return its rows; what KQL cannot say is in `store.detect`. */
  kql(text: string): Promise<unknown[][]>;
  /** A value computed once per run and shared by rules (e.g. the partner domains). */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** A detection rule: id, documented parameters (zod, with defaults) and the run. */
export interface DetectionRule<S extends z.ZodType = z.ZodType> {
  id: RuleId;
  /** One line for docs and `--help`. */
  summary: string;
  params: S;
  run(ctx: RuleContext, params: z.infer<S>): Promise<FindingDraft[]>;
}

/** Declare a rule with its parameter schema (keeps the parameter type attached to `run`). */
export function defineRule<S extends z.ZodType>(rule: DetectionRule<S>): DetectionRule<S> {
  return rule;
}
