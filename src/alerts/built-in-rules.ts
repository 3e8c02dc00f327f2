/**
 * The alert rules mailsift ships with, equivalent to the monitors of Sumo Logic's Exchange trace logs app (a volume
 * spike, mail from or to embargoed countries, a large outbound transfer) and one for serious findings. They have
 * no destination, so they stay off until an admin picks one (in the web app, or by naming them in mailsift.yaml).
 */

/** A built-in rule: its entry as mailsift.yaml would hold it, without `destinations`. */
export interface BuiltInRule {
  name: string;
  /** One line for people choosing whether to switch it on, in English and in Japanese. */
  summary: string;
  summaryJa: string;
  definition: Record<string, unknown>;
}

/** The built-in rules, by name. */
export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  {
    name: 'volume spike',
    summary: 'A delivery status (spam, quarantine, failures) far above its usual level for the hour',
    summaryJa: '配信状態（迷惑メール、検疫、失敗）がその時間帯の通常の水準を大きく上回ったとき',
    definition: { name: 'volume spike', detection: 'status-spike', schedule: '15m', suppress: '6h', minSeverity: 'medium' },
  },
  {
    name: 'embargoed countries',
    summary: 'Mail from or to a country in organization.embargoedCountries',
    summaryJa: 'organization.embargoedCountries の国から、またはその国へのメール',
    definition: { name: 'embargoed countries', detection: 'embargoed-geo', schedule: '15m', suppress: '24h' },
  },
  {
    name: 'large outbound transfer',
    summary: 'A sender who mailed unusually many bytes to external recipients in a day',
    summaryJa: '1 日に社外の受信者へ通常より非常に多くのバイト数を送った送信者',
    definition: { name: 'large outbound transfer', detection: 'large-transfer', schedule: '1h', suppress: '24h' },
  },
  {
    name: 'high and critical findings',
    summary: 'Every high or critical finding of any detection, once a day at most per finding',
    summaryJa: 'すべての検知の重大度「高」「重大」の検知結果（検知結果ごとに 1 日 1 回まで）',
    definition: { name: 'high and critical findings', detection: '*', minSeverity: 'high', schedule: '5m', suppress: '24h' },
  },
];
