/** The server's pino logger: secrets (cookies, tokens, passwords, client secrets, auth codes) are redacted. */
import { pino, type Logger } from 'pino';

/** Paths pino replaces with [redacted] wherever they appear in a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
  'clientSecret',
  '*.clientSecret',
  'csrf',
  '*.csrf',
  'id_token',
  'access_token',
  'refresh_token',
];

/** A logger for the server (JSON lines on stderr unless `destination` is given). */
export function createServerLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.MAILSIFT_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        // Query strings may hold OIDC codes and states, or whole KQL queries: log the path only.
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          ip: req.ip,
        }),
      },
    },
    (options.destination ?? process.stderr) as never,
  );
}
