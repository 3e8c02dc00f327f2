/** The `server:` block of mailsift.yaml as the server uses it: limits, proxy trust, sign-in throttling and SSO. */
import { z } from 'zod';
import { ConfigError, firstIssue, organizationLanguage, parseInLanguage, schemaIssue, type Config } from '../config/index.js';
import { ROLES } from './auth/roles.js';

const roleList = z.array(z.string()).default([]);

const oidcSchema = z
  .object({
    /** Issuer URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 (tenant-specific: `common` has no fixed issuer). */
    issuer: z.string().url(),
    clientId: z.string().min(1),
    clientSecret: z.string().optional(),
    /** Where the provider sends the browser back; default <server.publicUrl>/api/auth/oidc/callback. */
    redirectUri: z.string().url().optional(),
    scopes: z.array(z.string()).default(['openid', 'profile', 'email']),
    /** Claim holding the user's app roles or groups (Entra ID: `roles` for app roles, `groups` for group ids). */
    roleClaim: z.string().default('roles'),
    /** Values of the role claim that grant each mailsift role; the highest match wins. */
    roles: z.object({ admin: roleList, analyst: roleList, viewer: roleList }).partial().default({}),
    /** Role of users whose claim matches nothing; unset means they are refused. */
    defaultRole: z.enum(ROLES).optional(),
    /** Claim naming the user. */
    usernameClaim: z.string().default('preferred_username'),
    /** Label of the sign-in button. */
    label: z.string().default('Microsoft Entra ID'),
  })
  .strict();

const settingsSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8080),
    publicUrl: z.string().url().optional(),
    queryRowLimit: z.number().int().positive().default(100_000),
    /** Most bytes the rows of one query answer (and one dashboard panel) may take as JSON; more rows are cut. */
    queryMaxBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
    /** The same bound for /api/export downloads (built in memory before they are sent, so kept as modest). */
    exportMaxBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
    queryTimeoutMs: z.number().int().positive().default(30_000),
    /** Queries running at once in the store, and per user. */
    queryConcurrency: z.number().int().positive().default(4),
    queryConcurrencyPerUser: z.number().int().positive().default(3),
    /** Whether X-Forwarded-For names the client (only behind a reverse proxy you run). */
    trustProxy: z.boolean().default(false),
    login: z
      .object({
        maxFailuresPerIp: z.number().int().positive().default(20),
        maxFailuresPerUser: z.number().int().positive().default(5),
        windowMinutes: z.number().positive().default(15),
      })
      .default({ maxFailuresPerIp: 20, maxFailuresPerUser: 5, windowMinutes: 15 }),
    oidc: oidcSchema.optional(),
  })
  .passthrough()
  // The callback address must not come from the request's Host header, which any client can set.
  .refine((s) => !s.oidc || s.publicUrl, {
    path: ['publicUrl'],
    ...schemaIssue('oidc-needs-public-url'),
  });

export type ServerSettings = z.infer<typeof settingsSchema>;
export type OidcSettings = z.infer<typeof oidcSchema>;

/** Validate and default the server block of a loaded configuration. */
export function serverSettings(config: Pick<Config, 'server' | 'organization'>, language = organizationLanguage(config)): ServerSettings {
  const parsed = settingsSchema.safeParse(config.server ?? {}, parseInLanguage(language));
  if (parsed.success) return parsed.data;
  throw new ConfigError(firstIssue(parsed.error, ['server'], language));
}
