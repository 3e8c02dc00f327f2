/** The shape of mailsift.yaml (every key optional), validated with zod so mistakes name the key at fault. */
import { z } from 'zod';
import { parseDuration } from './duration.js';
import { isValidTimeZone, serverTimeZone } from './time-zone.js';
import { schemaIssue, schemaMessage } from './schema-text.js';

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, schemaMessage('country-code'))
  .transform((s) => s.toUpperCase());
const domain = z
  .string()
  .min(1)
  .transform((s) => s.trim().toLowerCase().replace(/\.$/, ''));

export const organizationSchema = z
  .object({
    name: z.string().default(''),
    acceptedDomains: z.array(domain).default([]),
    homeCountries: z.array(countryCode).default([]),
    embargoedCountries: z.array(countryCode).default(['KP', 'IR', 'SY', 'CU']),
    /**
     * IANA zone of the organisation: screens, daily bins, exports, alerts, the CLI and the detections' local day.
     * Absent means the server's zone: read it through organizationTimeZone().
     */
    timeZone: z.string().refine(isValidTimeZone, schemaIssue('time-zone')).optional(),
    /** Language of what mailsift writes for the organisation (alert messages; the CLI when LANG names none): en or ja. */
    language: z.enum(['en', 'ja']).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    store: z.string().optional(),
    organization: organizationSchema.default(() => organizationSchema.parse({})),
    geoip: z.object({ countryDb: z.string().optional(), asnDb: z.string().optional() }).strict().default({}),
    collectors: z.array(z.object({ name: z.string(), type: z.string() }).passthrough()).default([]),
    intel: z
      .object({
        // A feed's name defaults to its type, so a free feed is one line: `- { type: threatfox }`.
        feeds: z
          .array(
            z
              .object({ name: z.string().min(1).optional(), type: z.string() })
              .passthrough()
              .transform((f) => ({ ...f, name: f.name ?? f.type })),
          )
          .default([]),
      })
      .passthrough()
      .default({ feeds: [] }),
    watchlists: z.array(z.object({ name: z.string(), path: z.string() }).passthrough()).default([]),
    alerts: z
      .object({
        rules: z.array(z.record(z.string(), z.unknown())).default([]),
        destinations: z.array(z.record(z.string(), z.unknown())).default([]),
      })
      .passthrough()
      .default({ rules: [], destinations: [] }),
    detections: z.record(z.string(), z.unknown()).default({}),
    /** Mail older than this is removed daily by `serve` and by `mailsift maintain` (e.g. 400d). */
    retention: z
      .string()
      .refine((v) => parseDuration(v) >= 86_400_000, schemaIssue('retention-days'))
      .optional(),
    /** `serve` ingests files dropped into `watch`, then moves them to processed/ or rejected/ beside them. */
    ingest: z.object({ watch: z.string().optional(), settle: z.string().optional() }).strict().optional(),
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        publicUrl: z.string().optional(),
        queryRowLimit: z.number().int().positive().default(100_000),
        queryTimeoutMs: z.number().int().positive().default(30_000),
      })
      .passthrough()
      .default({ host: '127.0.0.1', port: 8080, queryRowLimit: 100_000, queryTimeoutMs: 30_000 }),
  })
  .strict();

/** The configuration with defaults applied. */
export type Config = z.infer<typeof configSchema>;
export type Organization = z.infer<typeof organizationSchema>;

/** The languages mailsift writes in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** organization.language, English when the configuration names none. */
export function organizationLanguage(config: { organization?: { language?: Language } }): Language {
  return config.organization?.language ?? 'en';
}

/** organization.timeZone, or the server's zone when the configuration names none. */
export function organizationTimeZone(config: { organization?: { timeZone?: string } }): string {
  return config.organization?.timeZone ?? serverTimeZone();
}
