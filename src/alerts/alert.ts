/** The alert handed to every destination: what fired, how bad, the finding's sentence, a link and the top evidence rows. */
import { formatInstant } from '../config/index.js';
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
  /** The finding, for rules on detections. */
  finding: Finding | null;
  /** The KQL behind the evidence. */
  query: string | null;
  /** What identifies "the same alert" for suppression (finding id, or the query result key). */
  key: string;
  evidence: Evidence;
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

/** A time of the alert as people read it: local time with the offset in the alert's zone (2026-11-26T09:00:00+09:00). */
export function alertTime(iso: string, timeZone: string | undefined): string {
  const ms = Date.parse(iso);
  return timeZone && !Number.isNaN(ms) ? formatInstant(ms, timeZone) : iso;
}

/** The evidence rows as `Column: value` pairs with every value made visible and cut short; datetimes in `timeZone`. */
export function evidencePairs(evidence: Evidence, timeZone?: string): { name: string; value: string }[][] {
  const cols = displayColumns(evidence);
  const cell = (value: unknown, type: string) => (type === 'datetime' && typeof value === 'string' ? alertTime(value, timeZone) : value);
  return evidence.rows
    .slice(0, MAX_EVIDENCE_ROWS)
    .map((row) =>
      cols.map((i) => ({ name: visible(evidence.columns[i]!.name, 60), value: visible(cell(row[i], evidence.columns[i]!.type), 160) })),
    );
}

/** The alert as plain text lines, every stranger's string made visible (for e-mail text parts and logs). */
export function alertTextLines(alert: Alert): string[] {
  const lines = [visible(alert.title, 200), visible(alert.sentence, 500)];
  if (alert.link) lines.push(`Link: ${alert.link}`);
  lines.push(`Rule: ${visible(alert.rule, 100)}  Severity: ${alert.severity}  Fired: ${alertTime(alert.firedAt, alert.timeZone)}`);
  if (alert.finding)
    lines.push(`Period: ${alertTime(alert.finding.from, alert.timeZone)} – ${alertTime(alert.finding.to, alert.timeZone)}`);
  const pairs = evidencePairs(alert.evidence, alert.timeZone);
  if (pairs.length > 0) {
    lines.push('', `Evidence (top ${pairs.length}):`);
    for (const row of pairs) lines.push('- ' + row.map((p) => `${p.name}: ${p.value}`).join(' | '));
  } else if (alert.evidence.note) {
    lines.push('', `Evidence: ${visible(alert.evidence.note, 200)}`);
  }
  return lines;
}

/** Title case of a severity, for headlines. */
export function severityLabel(severity: Severity): string {
  return severity[0]!.toUpperCase() + severity.slice(1);
}
