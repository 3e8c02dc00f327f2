/**
 * The alert rules mailsift ships with, equivalent to the monitors of Sumo Logic's Exchange trace logs app (a volume
 * spike, mail from or to embargoed countries, a large outbound transfer) and one for serious findings. They have
 * no destination, so they stay off until an admin picks one (in the web app, or by naming them in mailsift.yaml).
 */

/** A built-in rule: its entry as mailsift.yaml would hold it, without `destinations`. */
export interface BuiltInRule {
  name: string;
  /** One line for people choosing whether to switch it on. */
  summary: string;
  definition: Record<string, unknown>;
}

/** The built-in rules, by name. */
export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  {
    name: 'volume spike',
    summary: 'A delivery status (spam, quarantine, failures) far above its usual level for the hour',
    definition: { name: 'volume spike', detection: 'status-spike', schedule: '15m', suppress: '6h', minSeverity: 'medium' },
  },
  {
    name: 'embargoed countries',
    summary: 'Mail from or to a country in organization.embargoedCountries',
    definition: { name: 'embargoed countries', detection: 'embargoed-geo', schedule: '15m', suppress: '24h' },
  },
  {
    name: 'large outbound transfer',
    summary: 'A sender who mailed unusually many bytes to external recipients in a day',
    definition: { name: 'large outbound transfer', detection: 'large-transfer', schedule: '1h', suppress: '24h' },
  },
  {
    name: 'high and critical findings',
    summary: 'Every high or critical finding of any detection, once a day at most per finding',
    definition: { name: 'high and critical findings', detection: '*', minSeverity: 'high', schedule: '5m', suppress: '24h' },
  },
];
