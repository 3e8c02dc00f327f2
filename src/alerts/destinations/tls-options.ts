/** TLS settings shared by the SMTP and syslog destinations: a private CA (PEM text or a file), verification on by default. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { deliveryFailure } from '../delivery-failure.js';
import { DeliveryError } from '../errors.js';

export const tlsConfig = z
  .object({
    /** PEM text of the CA that signed the server's certificate, or the path of a PEM file. */
    ca: z.string().min(1).optional(),
    /** Check the server's certificate (default true). Turn off only for a test server. */
    rejectUnauthorized: z.boolean().default(true),
    /** Name to check the certificate against when it differs from the host. */
    servername: z.string().min(1).optional(),
  })
  .strict()
  .default({ rejectUnauthorized: true });

export type TlsConfig = z.infer<typeof tlsConfig>;

/** Node TLS options for a TlsConfig (reads the CA file when one is named). */
export function nodeTlsOptions(tls: TlsConfig): { ca?: string; rejectUnauthorized: boolean; servername?: string } {
  let ca: string | undefined;
  if (tls.ca) {
    if (tls.ca.includes('-----BEGIN')) ca = tls.ca;
    else {
      try {
        ca = readFileSync(tls.ca, 'utf8');
      } catch (cause) {
        throw new DeliveryError(deliveryFailure('ca-file', { path: tls.ca }), { retryable: false, cause });
      }
    }
  }
  return { ...(ca ? { ca } : {}), rejectUnauthorized: tls.rejectUnauthorized, ...(tls.servername ? { servername: tls.servername } : {}) };
}
