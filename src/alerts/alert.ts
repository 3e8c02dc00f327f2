/** The alert handed to every destination: what fired, how bad, the finding's sentence, a link and the top evidence rows. */
import { LANGUAGES, type Language } from '../config/index.js';
import { alertText, localTime, zoneLabel } from './alert-text.js';
import type { Finding, Severity } from './finding.js';
import { visible } from './text-safety.js';

/** At most this many evidence rows travel with an alert. */
export const MAX_EVIDENCE_ROWS = 5;

/** Rows that show why the alert fired (the finding's evidence query, or the rule query's matching rows). */
export interface Evidence {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  /** Why there are no rows although there should be (the evidence query failed). */
  note?: string;
}

/** One alert. Text fields are raw: each destination makes them safe for its medium. */
export interface Alert {
  /** Unique per alert (not per delivery attempt): receivers can drop duplicates with it. */
  id: string;
  /** Name of the alert rule. */
  rule: string;
  severity: Severity;
  /** Short headline, e.g. `High: spam spike`. */
  title: string;
  /** The finding's sentence, or what the rule's query found. */
  sentence: string;
  /** Where to look in the web UI. */
  link: string | null;
  /** When the rule fired (ISO, UTC). */
  firedAt: string;
  /** IANA zone the texts show times in (organization.timeZone); absent: UTC as stored. */
  timeZone?: string;
  /** Language of the texts (organization.language); absent: English. Title and sentence are already in it. */
  language?: Language;
  /** Title, sentence and evidence note in every language, for destinations that set their own `language`. */
  texts?: Partial<Record<Language, AlertWording>>;
  /** The finding, for rules on detections. */
  finding: Finding | null;
  /** The KQL behind the evidence. */
  query: string | null;
  /** What identifies "the same alert" for suppression (finding id, or the query result key). */
  key: string;
  evidence: Evidence;
}

/** The words of an alert that depend on its language. */
export interface AlertWording {
  title: string;
  sentence: string;
  /** The evidence's note, when it has one. */
  note?: string;
}

/** The wording of an alert in every language mailsift writes. */
export function wordings(word: (language: Language) => AlertWording): Partial<Record<Language, AlertWording>> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, word(l)]));
}

/** `alert` written in `language` (a destination's own language): its texts in that language when it has them. */
export function alertIn(alert: Alert, language: Language | undefined): Alert {
  const w = language ? alert.texts?.[language] : undefined;
  if (!language || !w || (alert.language ?? 'en') === language) return alert;
  return {
    ...alert,
    language,
    title: w.title,
    sentence: w.sentence,
    evidence: w.note !== undefined && alert.evidence.note !== undefined ? { ...alert.evidence, note: w.note } : alert.evidence,
  };
}

const PREFERRED_COLUMNS = [
  'Received',
  'Timestamp',
  'SenderAddress',
  'RecipientAddress',
  'Subject',
  'Status',
  'FromIP',
  'FromCountry',
  'Indicator',
  'count_',
];

/** The columns worth showing in a narrow text (preferred ones first, then the rest), at most `max`. */
export function displayColumns(evidence: Evidence, max = 6): number[] {
  const names = evidence.columns.map((c) => c.name);
  const picked = PREFERRED_COLUMNS.map((n) => names.indexOf(n)).filter((i) => i >= 0);
  for (let i = 0; i < names.length && picked.length < max; i++) if (!picked.includes(i)) picked.push(i);
  return picked.slice(0, max);
}

/** A time of the alert as people read it: local time in the alert's zone (2026-11-26T09:00:00+09:00; 2026/11/26 09:00:00 in Japanese). */
export function alertTime(iso: string, timeZone: string | undefined, language?: Language): string {
  return localTime(iso, timeZone, language);
}

/** When the alert fired, with the zone named: `2026-11-26T09:00:00+09:00 (JST)`. */
export function firedText(alert: Alert): string {
  const zone = zoneLabel(alert.firedAt, alert.timeZone);
  return `${alertTime(alert.firedAt, alert.timeZone, alert.language)}${zone ? ` (${zone})` : ''}`;
}

/** The evidence rows as `Column: value` pairs with every value made visible and cut short; datetimes in `timeZone`. */
export function evidencePairs(evidence: Evidence, timeZone?: string, language?: Language): { name: string; value: string }[][] {
  const cols = displayColumns(evidence);
  const cell = (value: unknown, type: string) =>
    type === 'datetime' && typeof value === 'string' ? alertTime(value, timeZone, language) : value;
  return evidence.rows
    .slice(0, MAX_EVIDENCE_ROWS)
    .map((row) =>
      cols.map((i) => ({ name: visible(evidence.columns[i]!.name, 60), value: visible(cell(row[i], evidence.columns[i]!.type), 160) })),
    );
}

/** The alert as plain text lines, every stranger's string made visible (for e-mail text parts and logs). */
export function alertTextLines(alert: Alert): string[] {
  const t = alertText(alert.language);
  const lines = [visible(alert.title, 200), visible(alert.sentence, 500)];
  if (alert.link) lines.push(`${t.link}: ${alert.link}`);
  lines.push(
    `${t.rule}: ${visible(alert.rule, 100)}  ${t.severityLabel}: ${severityLabel(alert.severity, alert.language)}  ${t.fired}: ${firedText(alert)}`,
  );
  if (alert.finding) {
    const zone = zoneLabel(alert.finding.to, alert.timeZone);
    const time = (iso: string) => alertTime(iso, alert.timeZone, alert.language);
    lines.push(`${t.period}: ${time(alert.finding.from)} – ${time(alert.finding.to)}${zone ? ` (${zone})` : ''}`);
  }
  const pairs = evidencePairs(alert.evidence, alert.timeZone, alert.language);
  if (pairs.length > 0) {
    lines.push('', `${t.evidence(pairs.length)}:`);
    for (const row of pairs) lines.push('- ' + row.map((p) => `${p.name}: ${p.value}`).join(' | '));
  } else if (alert.evidence.note) {
    lines.push('', `${t.evidenceNote}: ${visible(alert.evidence.note, 200)}`);
  }
  return lines;
}

/** A severity as headlines show it: High (高 in Japanese). */
export function severityLabel(severity: Severity, language?: Language): string {
  return alertText(language).severity[severity];
}
