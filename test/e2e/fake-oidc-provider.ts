/**
 * A local OpenID Connect provider (on 127.0.0.1) that behaves like Microsoft Entra ID for the code flow:
 * discovery, authorize (redirect with code and state), token endpoint (PKCE, client secret, one-time codes)
 * returning an RS256-signed id_token, and JWKS. `fault` makes it misbehave the ways real providers or attackers do.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderFault = 'none' | 'bad-signature' | 'wrong-audience' | 'wrong-nonce' | 'expired' | 'wrong-issuer' | 'unknown-key';

export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims of the next user to sign in (besides iss, aud, exp, nonce...). */
  user: Record<string, unknown>;
  fault: ProviderFault;
  /** Token requests seen (for assertions). */
  tokenRequests: number;
  close(): Promise<void>;
}

const TENANT_PATH = '/tenant-1/v2.0';
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });
}

function signJwt(payload: object, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${b64url(signature)}`;
}

/** Start the provider; `redirectUri` is the only callback it accepts for the client. */
export async function startFakeOidcProvider(redirectUri: string): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; claims: Record<string, unknown> }>();
  const provider: FakeOidcProvider = {
    issuer: '',
    clientId: 'mailsift-test-client',
    clientSecret: randomBytes(16).toString('hex'),
    user: { sub: 'user-1', preferred_username: 'alice@contoso.com', roles: ['Mailsift.Analyst'] },
    fault: 'none',
    tokenRequests: 0,
    close: () => new Promise((r) => server.close(() => r())),
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', provider.issuer);
    // Entra ID issuers carry the tenant in the path: https://login.microsoftonline.com/<tenant>/v2.0
    const path = url.pathname.startsWith(TENANT_PATH) ? url.pathname.slice(TENANT_PATH.length) : url.pathname;
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/keys`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        scopes_supported: ['openid', 'profile', 'email'],
      });
    }
    if (path === '/keys') {
      const jwk = publicKey.export({ format: 'jwk' });
      return json(200, { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] });
    }
    if (path === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== provider.clientId || q.get('redirect_uri') !== redirectUri)
        return json(400, { error: 'invalid_request', error_description: 'unknown client or redirect_uri' });
      if (
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        !q.get('state') ||
        !q.get('nonce')
      ) {
        return json(400, { error: 'invalid_request', error_description: 'PKCE S256, state and nonce are required' });
      }
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce')!, redirectUri, claims: { ...provider.user } });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (path === '/token' && req.method === 'POST') {
      provider.tokenRequests++;
      const form = new URLSearchParams(await readBody(req));
      const basic = req.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
        : [];
      const clientId = form.get('client_id') ?? basic[0];
      const secret = form.get('client_secret') ?? basic[1];
      if (clientId !== provider.clientId || secret !== provider.clientSecret) return json(401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code' || !grant || form.get('redirect_uri') !== grant.redirectUri)
        return json(400, { error: 'invalid_grant' });
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
        return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: provider.fault === 'wrong-issuer' ? 'https://login.example/other/v2.0' : provider.issuer,
        aud: provider.fault === 'wrong-audience' ? 'someone-else' : provider.clientId,
        iat: now,
        nbf: now,
        exp: provider.fault === 'expired' ? now - 3600 : now + 3600,
        nonce: provider.fault === 'wrong-nonce' ? 'not-the-nonce' : grant.nonce,
        tid: '00000000-0000-0000-0000-000000000001',
        ...grant.claims,
      };
      // bad-signature: the published kid, another key; unknown-key: a kid the JWKS does not have.
      const idToken =
        provider.fault === 'bad-signature'
          ? signJwt(claims, other.privateKey, kid)
          : provider.fault === 'unknown-key'
            ? signJwt(claims, other.privateKey, 'unpublished-key')
            : signJwt(claims, privateKey, kid);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 3600,
        id_token: idToken,
        scope: 'openid profile email',
      });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  provider.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TENANT_PATH}`;
  return provider;
}
