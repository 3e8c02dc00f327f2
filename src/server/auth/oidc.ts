/** Single sign-on with OpenID Connect (Microsoft Entra ID): authorization code flow with PKCE, state and nonce. */
import * as client from 'openid-client';
import { SsoError } from '../errors.js';
import type { OidcSettings } from '../server-settings.js';
import type { Role } from './roles.js';
import { signToken, verifyToken } from './signed-token.js';

/** How long a started sign-in may take at the provider. */
export const TRANSACTION_TTL_MS = 10 * 60_000;
const PURPOSE = 'oidc-transaction';

/** A started sign-in, kept in the browser's signed cookie (not in server memory: anonymous starts cost the server nothing). */
interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

function isTransaction(value: unknown): value is Transaction {
  const t = value as Partial<Transaction> | undefined;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.state === 'string' &&
    typeof t.nonce === 'string' &&
    typeof t.codeVerifier === 'string' &&
    typeof t.returnTo === 'string'
  );
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  user: string;
  role: Role;
}

/** Whether a URL points at this machine (only there may SSO run over plain HTTP: local test providers). */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** A path inside this app to go back to after sign-in; anything else becomes '/'. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return /[\u0000-\u001f]/.test(value) ? '/' : value;
}

/** The OIDC client of one server. */
export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  /** `signingKey` answers the server secret that signs the transaction cookie. */
  constructor(
    readonly settings: OidcSettings,
    private readonly signingKey: () => Promise<Buffer>,
  ) {}

  /** Start a sign-in: the provider URL to send the browser to, and the signed transaction for its cookie. */
  async begin(redirectUri: string, returnTo: string): Promise<{ url: string; cookie: string }> {
    const config = await this.discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const tx: Transaction = { state, nonce, codeVerifier, returnTo: safeReturnPath(returnTo) };
    const cookie = signToken(await this.signingKey(), PURPOSE, tx, Date.now() + TRANSACTION_TTL_MS);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes.join(' '),
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      response_mode: 'query',
    });
    return { url: url.href, cookie };
  }

  /** Finish a sign-in from the callback URL; `cookie` is the signed transaction this browser started with. */
  async complete(callbackUrl: URL, cookie: string | undefined): Promise<OidcIdentity & { returnTo: string }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const tx = verifyToken(await this.signingKey(), PURPOSE, cookie);
    if (!isTransaction(tx) || tx.state !== state) throw new SsoError('the sign-in expired or was started in another browser; try again');
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw new SsoError(`the identity provider refused the sign-in (${providerError.slice(0, 64)})`);
    const config = await this.discover();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: tx.codeVerifier,
        expectedState: state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (cause) {
      throw new SsoError('the identity provider answer did not verify', { cause });
    }
    if (!claims) throw new SsoError('the identity provider sent no ID token');
    const user = String(claims[this.settings.usernameClaim] ?? claims.email ?? claims.sub ?? '').trim();
    if (!user) throw new SsoError(`the ID token has no ${this.settings.usernameClaim} claim`);
    const role = this.roleFor(claims[this.settings.roleClaim]);
    if (!role) throw new SsoError(`${user} has no mailsift role (claim ${this.settings.roleClaim}); ask an administrator`);
    return { user, role, returnTo: tx.returnTo };
  }

  /** The mailsift role a role/group claim grants: the highest match, else the default role. */
  roleFor(claim: unknown): Role | undefined {
    const values = new Set((Array.isArray(claim) ? claim : claim === undefined ? [] : [claim]).map(String));
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      if ((this.settings.roles[role] ?? []).some((v) => values.has(v))) return role;
    }
    return this.settings.defaultRole;
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const s = this.settings;
      const insecure = isLoopback(s.issuer) && s.issuer.startsWith('http:');
      const auth = s.clientSecret ? client.ClientSecretPost(s.clientSecret) : client.None();
      this.configuration = client
        .discovery(new URL(s.issuer), s.clientId, undefined, auth, {
          // The spec lets a client trust TLS instead of the id_token signature; we check the signature too (JWKS).
          execute: insecure ? [client.enableNonRepudiationChecks, client.allowInsecureRequests] : [client.enableNonRepudiationChecks],
        })
        .catch((cause: unknown) => {
          this.configuration = undefined;
          throw new SsoError('the identity provider could not be reached; try again later', { cause });
        });
    }
    return this.configuration;
  }
}
