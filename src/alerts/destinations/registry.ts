/** The destination types mailsift can send alerts to: adding one is adding its file and one line here. */
import type { DestinationType } from './destination.js';
import { slack } from './slack.js';
import { smtp } from './smtp.js';
import { syslog } from './syslog.js';
import { teams } from './teams.js';
import { webhook } from './webhook.js';

/** A destination type of any configuration: the registry pairs each config with its own type's schema and send. */

export type AnyDestinationType = DestinationType<any>;

/** Every destination type, by `type`. */
export const DESTINATION_TYPES: readonly AnyDestinationType[] = [webhook, slack, teams, smtp, syslog];

/** The destination type named `type`, if there is one. */
export function destinationType(type: string): AnyDestinationType | undefined {
  return DESTINATION_TYPES.find((d) => d.type === type);
}
