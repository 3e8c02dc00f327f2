/** The `detections:` block of mailsift.yaml: settings every rule shares, validated with zod. */
import { z } from 'zod';
import { firstIssue, parseInLanguage, schemaIssue, type Language } from '../config/index.js';
import { DetectConfigError } from './errors.js';
import { RULE_IDS } from './finding.js';
import { isValidTimeZone } from './time-zone.js';

const domain = z
  .string()
  .min(1)
  .transform((s) => s.trim().toLowerCase().replace(/\.$/, ''));

/** Settings shared by the rules; each rule's own parameters sit under its id (e.g. `detections.status-spike`). */
export const detectSettingsSchema = z.object({
  /** IANA zone of the tenant: hour-of-day and day-of-week baselines, local days of findings (default organization.timeZone). */
  timeZone: z.string().refine(isValidTimeZone, schemaIssue('time-zone')).optional(),
  /** Window examined when `--from` is not given, in days back from `--to`. */
  lookbackDays: z.number().positive().default(30),
  /** History before the window that baselines may use, in days. */
  baselineDays: z.number().int().min(7).max(120).default(28),
  /** Rules not to run. */
  disabled: z.array(z.enum(RULE_IDS)).default([]),
  /** Partner domains known in advance (look-alikes of these are reported; mail to them is not unusual). */
  partnerDomains: z.array(domain).default([]),
  /** An external domain is a partner when mail went both ways with it on at least this many days. */
  partnerMinDays: z.number().int().min(1).default(3),
  /** Personal mail services: never counted as partners even when much mail goes there. */
  personalDomains: z
    .array(domain)
    .default([
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.com',
      'live.com',
      'msn.com',
      'yahoo.com',
      'yahoo.co.jp',
      'icloud.com',
      'me.com',
      'aol.com',
      'proton.me',
      'protonmail.com',
      'gmx.de',
      'gmx.net',
      'web.de',
      'mail.ru',
      'yandex.ru',
      'qq.com',
      '163.com',
      'naver.com',
      'docomo.ne.jp',
      'ezweb.ne.jp',
      'au.com',
      'softbank.ne.jp',
    ]),
});

export type DetectSettings = z.infer<typeof detectSettingsSchema>;

/** Parse the shared settings out of the free-form `detections` record. */
export function parseDetectSettings(detections: Record<string, unknown>, language: Language = 'en'): DetectSettings {
  const shared: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(detections)) if (!(RULE_IDS as readonly string[]).includes(k)) shared[k] = v;
  return parseOrThrow(detectSettingsSchema.strict(), shared, 'detections', language);
}

/** zod parse whose error names the configuration key at fault, worded in `language` (organization.language). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, path: string, language: Language = 'en'): z.infer<S> {
  const r = schema.safeParse(value ?? {}, parseInLanguage(language));
  if (r.success) return r.data;
  throw new DetectConfigError(firstIssue(r.error, [path], language));
}
