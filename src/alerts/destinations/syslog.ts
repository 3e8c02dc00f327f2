/** Syslog for SIEMs: RFC 5424 (or CEF inside it) over UDP, TCP with octet counting, or TLS. */
import { hostname } from 'node:os';
import { z } from 'zod';
import { defineDestination } from './destination.js';
import { FACILITIES, syslogMessage } from './syslog-format.js';
import { sendSyslog } from './syslog-transport.js';
import { nodeTlsOptions, tlsConfig } from './tls-options.js';
import { schemaIssue } from '../../config/index.js';

const DEFAULT_PORT = { udp: 514, tcp: 514, tls: 6514 } as const;

const syslogConfig = z
  .object({
    host: z.string().min(1),
    protocol: z.enum(['udp', 'tcp', 'tls']).default('udp'),
    /** Default 514 (udp, tcp) or 6514 (tls). */
    port: z.number().int().min(1).max(65535).optional(),
    format: z.enum(['rfc5424', 'cef']).default('rfc5424'),
    facility: z
      .union([z.number().int().min(0).max(23), z.string()])
      .default('local0')
      .refine(
        (f) => typeof f === 'number' || f in FACILITIES,
        schemaIssue('syslog-facility', { values: Object.keys(FACILITIES).join(', ') }),
      )
      .transform((f) => (typeof f === 'number' ? f : FACILITIES[f]!)),
    appName: z.string().min(1).default('mailsift'),
    /** HOSTNAME field; default this machine's name. */
    hostname: z.string().min(1).optional(),
    /** Private enterprise number of the structured-data id `mailsift@N` (default 32473, the example number of RFC 5612). */
    enterpriseId: z.number().int().positive().default(32473),
    /** Longest message in bytes; default 2048 over UDP (RFC 5426 section 3.2), 65536 otherwise. */
    maxMessageBytes: z.number().int().min(480).max(1_048_576).optional(),
    tls: tlsConfig,
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type SyslogConfig = z.infer<typeof syslogConfig>;

export const syslog = defineDestination<SyslogConfig>({
  type: 'syslog',
  configSchema: syslogConfig,
  secrets: () => [],
  async send(alert, config, ctx) {
    const message = syslogMessage(alert, {
      format: config.format,
      facility: config.facility,
      hostname: config.hostname ?? hostname(),
      appName: config.appName,
      procId: String(process.pid),
      enterpriseId: config.enterpriseId,
      version: ctx.version,
      maxBytes: config.maxMessageBytes ?? (config.protocol === 'udp' ? 2048 : 65_536),
    });
    const detail = await sendSyslog(message, {
      protocol: config.protocol,
      host: config.host,
      port: config.port ?? DEFAULT_PORT[config.protocol],
      timeoutMs: config.timeoutMs,
      tls: nodeTlsOptions(config.tls),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    return { detail };
  },
});
