/** Small tamper-proof values for cookies: JSON + expiry, HMAC-SHA256 signed with the server secret (readable by the browser, not forgeable). */
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (key: Buffer, purpose: string, body: string) => createHmac('sha256', key).update(`${purpose}.${body}`).digest();

/** Sign `value` for `purpose` (a token for one purpose is refused for another) until `expiresAt` (ms since the epoch). */
export function signToken(key: Buffer, purpose: string, value: unknown, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ v: value, e: expiresAt })).toString('base64url');
  return `${body}.${mac(key, purpose, body).toString('base64url')}`;
}

/** The value of a token signed for `purpose`, or undefined when it is malformed, forged or expired. */
export function verifyToken(key: Buffer, purpose: string, token: string | undefined, now = Date.now()): unknown {
  if (typeof token !== 'string' || token.length > 8192) return undefined;
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length) return undefined;
  const expected = mac(key, purpose, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v?: unknown; e?: unknown };
    return typeof parsed.e === 'number' && parsed.e > now ? parsed.v : undefined;
  } catch {
    return undefined;
  }
}
