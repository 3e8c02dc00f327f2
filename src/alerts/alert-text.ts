/**
 * The wording of alert messages in each language (organization.language), in one place: labels, severity names,
 * headlines, the sentences of query rules, and how times read (local time in the organisation's zone, named: JST).
 */
import { formatInstant, zoneName, type Language } from '../config/index.js';
import type { Comparison } from './alert-rule-schema.js';
import type { Severity } from './finding.js';

const en = {
  severity: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as Record<Severity, string>,
  headline: (severity: string, rule: string) => `${severity}: ${rule}`,
  severityLabel: 'Severity',
  rule: 'Rule',
  fired: 'Fired',
  period: 'Period',
  link: 'Link',
  evidence: (n: number) => `Evidence (top ${n})`,
  evidenceNote: 'Evidence',
  open: 'Open in mailsift',
  evidenceFailed: (reason: string) => `the evidence query failed: ${reason}`,
  forKey: (pairs: string) => ` for ${pairs}`,
  rowsReturned: (n: number, op: Comparison, value: number | string) =>
    `the query returned ${n} row${n === 1 ? '' : 's'} (rows ${op} ${value})`,
  rowsWith: (n: number, column: string, op: Comparison, value: number | string) =>
    `${n} row${n === 1 ? '' : 's'} with ${column} ${op} ${value}`,
  testRule: 'mailsift test alert',
  testMark: '(test)',
  testSentence: (finding: string) => `Test alert: ${finding} (this is a test of the destination, not an incident)`,
};

/** The shape every language's table has. */
export type AlertText = typeof en;

const ja: AlertText = {
  severity: { low: '低', medium: '中', high: '高', critical: '緊急' },
  headline: (severity: string, rule: string) => `【${severity}】${rule}`,
  severityLabel: '重大度',
  rule: 'ルール',
  fired: '発生',
  period: '期間',
  link: 'リンク',
  evidence: (n: number) => `根拠（上位 ${n} 件）`,
  evidenceNote: '根拠',
  open: 'mailsift で開く',
  evidenceFailed: (reason: string) => `根拠のクエリが失敗しました: ${reason}`,
  forKey: (pairs: string) => `（${pairs}）`,
  rowsReturned: (n: number, op: Comparison, value: number | string) => `クエリの結果が ${n} 行（条件: rows ${op} ${value}）`,
  rowsWith: (n: number, column: string, op: Comparison, value: number | string) => `${column} ${op} ${value} の行が ${n} 行`,
  testRule: 'mailsift テストアラート',
  testMark: '（テスト）',
  testSentence: (finding: string) => `テストアラート: ${finding}（宛先の動作確認であり、インシデントではありません）`,
};

/** Every language's table, for the test that checks they have the same keys. */
export const ALERT_TEXTS: Record<Language, AlertText> = { en, ja };

/** The wording in `language` (English when absent). */
export function alertText(language: Language | undefined): AlertText {
  return ALERT_TEXTS[language ?? 'en'];
}

/**
 * A time as people read it in the alert's language and zone: English keeps ISO 8601 with the offset
 * (2026-11-26T09:00:00+09:00), Japanese reads 2026/11/26 09:00:00; without a zone, the stored UTC text.
 */
export function localTime(iso: string, timeZone: string | undefined, language: Language | undefined): string {
  const ms = Date.parse(iso);
  if (!timeZone || Number.isNaN(ms)) return iso;
  const local = formatInstant(ms, timeZone);
  return language === 'ja' ? local.slice(0, 19).replace('T', ' ').replaceAll('-', '/') : local;
}

/** The zone's name at that time, for a line that shows times (JST, EST, CEST); '' without a zone. */
export function zoneLabel(iso: string, timeZone: string | undefined): string {
  const ms = Date.parse(iso);
  return timeZone && !Number.isNaN(ms) ? zoneName(ms, timeZone) : '';
}

/** A short "when" for e-mail subjects: 2026-11-26 09:00 JST (2026/11/26 09:00 JST in Japanese). */
export function subjectTime(iso: string, timeZone: string | undefined, language: Language | undefined): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const zone = timeZone ?? 'UTC';
  const local = formatInstant(Math.floor(ms / 60_000) * 60_000, zone)
    .slice(0, 16)
    .replace('T', ' ');
  return `${language === 'ja' ? local.replaceAll('-', '/') : local} ${zoneName(ms, zone)}`;
}
