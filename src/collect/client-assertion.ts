/**
 * Certificate credentials: a client assertion JWT (RS256, `x5t` = the certificate's SHA-1 thumbprint) as
 * Microsoft identity platform expects (learn.microsoft.com, "certificate credentials").
 */
import { createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CollectorConfigError } from './errors.js';

/** Signs client assertions with the private key of a PEM file. */
export interface AssertionSigner {
  /** A fresh assertion for the token endpoint `audience`, valid 10 minutes from `nowMs`. */
  assertion(clientId: string, audience: string, nowMs: number): string;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * Load the private key (and, when the file holds it too, check the certificate against the thumbprint).
 * The file is a PEM with the private key; convert a .pfx with `openssl pkcs12 -in app.pfx -nodes -out app.pem`.
 */
export function loadAssertionSigner(certificatePath: string, thumbprintHex: string): AssertionSigner {
  let pem: string;
  try {
    pem = readFileSync(certificatePath, 'utf8');
  } catch {
    throw new CollectorConfigError(`cannot read the certificate file ${certificatePath}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CollectorConfigError(
      `${certificatePath} holds no unencrypted private key in PEM form (convert a .pfx with: openssl pkcs12 -in app.pfx -nodes -out app.pem)`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new CollectorConfigError(`${certificatePath}: the key must be RSA (Microsoft signs client assertions with RS256)`);
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (certPem) {
    const actual = new X509Certificate(certPem).fingerprint.replace(/:/g, '').toUpperCase();
    if (actual !== thumbprintHex) {
      throw new CollectorConfigError(
        `the certificate in ${certificatePath} has thumbprint ${actual}, not the configured certificateThumbprint ${thumbprintHex}`,
      );
    }
  }
  const x5t = b64url(Buffer.from(thumbprintHex, 'hex'));
  return {
    assertion(clientId, audience, nowMs) {
      const now = Math.floor(nowMs / 1000);
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5t }));
      const payload = b64url(
        JSON.stringify({ aud: audience, iss: clientId, sub: clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + 600 }),
      );
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
      return `${header}.${payload}.${b64url(signature)}`;
    },
  };
}
