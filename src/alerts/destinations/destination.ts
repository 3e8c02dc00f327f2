/** What a destination type offers to the registry: its configuration schema and how to send one alert. */
import type { z } from 'zod';
import type { Alert } from '../alert.js';

/** What a destination's `send` may use besides the alert and its configuration. */
export interface SendContext {
  /** mailsift's version (CEF header, User-Agent). */
  version: string;
  /** Aborted when the scheduler stops. */
  signal?: AbortSignal;
  /** The current time in milliseconds (an injected clock in tests). */
  now(): number;
}

/** What a successful send reports, e.g. `HTTP 200` or `250 2.0.0 queued`. */
export interface SendResult {
  detail: string;
}

/**
 * A destination type. Adding one is adding a file that exports such an object and one line in the registry.
 * `configSchema` describes the keys besides `name`, `type`, `minSeverity` and `attempts`; failures throw a
 * DeliveryError whose message never holds a secret.
 */
export interface DestinationType<C = unknown> {
  readonly type: string;
  readonly configSchema: z.ZodType<C>;
  /** Values of the configuration that are secrets (passwords, signing keys, webhook URLs with tokens), kept out of every message. */
  secrets(config: C): string[];
  send(alert: Alert, config: C, ctx: SendContext): Promise<SendResult>;
}

/** Build a destination type with its configuration type checked against its schema. */
export function defineDestination<C>(d: DestinationType<C>): DestinationType<C> {
  return d;
}
