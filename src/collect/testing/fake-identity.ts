/**
 * A fake Microsoft Entra ID token endpoint (`/{tenant}/oauth2/v2.0/token`, client credentials with a secret
 * or a certificate assertion) and the validation of the tokens it issued, answering as Entra ID does.
 */
import { createHash, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { FakeAnswer } from './fake-answer.js';

/** An app registration in the fake tenant. */
export interface FakeApp {
  clientId: string;
  clientSecret?: string;
  /** Public key and SHA-1 thumbprint (hex) of the app's certificate, for client assertions. */
  certificate?: { publicKey: KeyObject; thumbprint: string };
}

/** The audiences a token can be for, by the scope asked. */
export const SCOPES = { graph: 'https://graph.microsoft.com/.default', rws: 'https://outlook.office365.com/.default' } as const;
export type Audience = keyof typeof SCOPES;

interface IssuedToken {
  tenantId: string;
  clientId: string;
  audience: Audience;
  expiresAt: number;
}

const aadError = (status: number, error: string, code: number, description: string): FakeAnswer => ({
  status,
  json: {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: 0000 Correlation ID: 0000 Timestamp: 2026-01-01 00:00:00Z`,
    error_codes: [code],
  },
});

/** Issues and checks app tokens. */
export class FakeIdentity {
  /** Lifetime of issued tokens in seconds (Entra ID: about an hour). */
  tokenLifetimeSec = 3599;
  /** Token requests received. */
  tokenRequests = 0;
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly jtis = new Set<string>();

  constructor(private readonly tenants: ReadonlyMap<string, readonly FakeApp[]>) {}

  /** Answer a token request for `tenantId` made at `now` to `endpoint` (the URL the client used). */
  token(tenantId: string, form: URLSearchParams, now: number, endpoint: string): FakeAnswer {
    this.tokenRequests++;
    const apps = this.tenants.get(tenantId);
    if (!apps) return aadError(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found.`);
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    const clientId = form.get('client_id') ?? '';
    const app = apps.find((a) => a.clientId === clientId);
    if (!app)
      return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
    const audience = (Object.keys(SCOPES) as Audience[]).find((k) => SCOPES[k] === form.get('scope'));
    if (!audience)
      return aadError(
        400,
        'invalid_scope',
        1002012,
        'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed.',
      );
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (!app.clientSecret || secret !== app.clientSecret)
        return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    } else if (assertion !== null) {
      const problem = this.checkAssertion(app, form.get('client_assertion_type'), assertion, now, endpoint);
      if (problem) return aadError(401, 'invalid_client', 700027, `Client assertion failed signature validation. (${problem})`);
    } else {
      return aadError(401, 'invalid_client', 7000218, "The request body must contain the parameter 'client_assertion' or 'client_secret'.");
    }
    const accessToken = `eyJ0eXAiOiJKV1Qi.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, { tenantId, clientId, audience, expiresAt: now + this.tokenLifetimeSec * 1000 });
    return {
      status: 200,
      json: { token_type: 'Bearer', expires_in: this.tokenLifetimeSec, ext_expires_in: this.tokenLifetimeSec, access_token: accessToken },
    };
  }

  /** The tenant of a valid bearer token for `audience`, or why it is not valid. */
  check(authorization: string | undefined, audience: Audience, now: number): { tenantId: string; clientId: string } | { problem: string } {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!m) return { problem: 'Access token is empty.' };
    const t = this.tokens.get(m[1]!);
    if (!t) return { problem: 'Invalid JWT token. The token is malformed.' };
    if (t.expiresAt <= now) return { problem: 'Lifetime validation failed, the token is expired.' };
    if (t.audience !== audience) return { problem: 'Invalid audience.' };
    return { tenantId: t.tenantId, clientId: t.clientId };
  }

  /** Make every token issued so far expire now (a token that runs out while a window is being paged). */
  expireAll(now: number): void {
    for (const t of this.tokens.values()) t.expiresAt = Math.min(t.expiresAt, now);
  }

  private checkAssertion(app: FakeApp, type: string | null, jwt: string, now: number, endpoint: string): string | undefined {
    if (type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return 'wrong client_assertion_type';
    if (!app.certificate) return 'no certificate registered';
    const [h, p, s] = jwt.split('.');
    if (!h || !p || !s) return 'not a JWT';
    let header: { alg?: string; x5t?: string };
    let claims: { aud?: string; iss?: string; sub?: string; exp?: number; nbf?: number; jti?: string };
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString());
      claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    } catch {
      return 'not a JWT';
    }
    if (header.alg !== 'RS256') return 'alg must be RS256';
    if (header.x5t !== Buffer.from(app.certificate.thumbprint, 'hex').toString('base64url'))
      return 'x5t does not match a registered certificate';
    if (!verify('sha256', Buffer.from(`${h}.${p}`), app.certificate.publicKey, Buffer.from(s, 'base64url'))) return 'bad signature';
    if (claims.aud !== endpoint) return `aud must be ${endpoint}`;
    if (claims.iss !== app.clientId || claims.sub !== app.clientId) return 'iss and sub must be the client id';
    const sec = now / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= sec) return 'expired';
    if (typeof claims.nbf === 'number' && claims.nbf > sec + 300) return 'not yet valid';
    if (!claims.jti || this.jtis.has(claims.jti)) return 'jti missing or replayed';
    this.jtis.add(claims.jti);
    return undefined;
  }
}

/** The SHA-1 thumbprint (hex, upper case) of a DER certificate, as the Entra admin center shows it. */
export function thumbprintOf(der: Buffer): string {
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}
