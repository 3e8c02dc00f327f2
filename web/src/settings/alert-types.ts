// Shapes of GET /api/alerts: rules and destinations from mailsift.yaml, this app and the built-in rules (secrets masked).

import type { DeliveryFailureJson } from '../../../src/alerts/delivery-failure';

export type DefinitionSource = 'file' | 'app' | 'built-in';

interface Entry {
  name: string;
  source: DefinitionSource;
  active: boolean;
  problem: string | null;
  /** The same as a reason code and its values (worded in the viewer's language). */
  problemReason?: { reason: string; params?: Record<string, string | number> } | null;
  updatedBy: string | null;
  updatedAt: string | null;
  definition: Record<string, unknown>;
}

export interface RuleEntry extends Entry {
  builtIn: boolean;
  summary: string | null;
  summaryJa?: string | null;
}

export interface DestinationEntry extends Entry {
  type: string;
  usedBy: string[];
}

export interface Delivery {
  at: string;
  rule: string;
  destination: string;
  type: string;
  outcome: 'delivered' | 'retrying' | 'failed';
  detail: string;
}

export interface AlertsAnswer {
  rules: RuleEntry[];
  destinations: DestinationEntry[];
  destinationTypes: string[];
  detections: string[];
  severities: string[];
  deliveries: Delivery[];
}

/** One delivery of a test alert. */
export interface TestOutcome {
  destination: string;
  status: 'delivered' | 'failed';
  detail: string;
  failure?: DeliveryFailureJson;
}

/** The mask the server puts in place of a secret. */
export const SECRET_MASK = '••••••••';
