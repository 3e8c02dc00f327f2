/** OAuth 2.0 client credentials against Microsoft Entra ID: one cached app token per scope, renewed before expiry. */
import type { AssertionSigner } from './client-assertion.js';
import type { Clock } from './clock.js';
import { CollectorAuthError, CollectorResponseError, CollectorUnavailableError, redact } from './errors.js';
import { fetchWithTimeout, isAbort, oneLine, retryDelay } from './http.js';

export interface TokenProviderOptions {
  loginUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  signer?: AssertionSigner;
  /** e.g. https://graph.microsoft.com/.default */
  scope: string;
  clock: Clock;
  timeoutMs: number;
}

/** Renew this long before the token expires, so a long paging run never sends an expired one. */
const RENEW_BEFORE_MS = 5 * 60_000;
const ATTEMPTS = 4;

/** What common AADSTS codes mean for someone setting up the app registration. */
const AADSTS_HINTS: Record<string, string> = {
  '7000215': 'the client secret is wrong (use the secret Value, not its ID)',
  '7000222': 'the client secret has expired: create a new one',
  '700016': 'no app with this clientId exists in the tenant (check clientId and tenantId)',
  '90002': 'the tenant was not found (check tenantId)',
  '900023': 'the tenantId is not a valid tenant ID or domain',
  '700027': 'the client assertion signature was not accepted (upload this certificate to the app registration)',
  '700024': "the client assertion is outside its valid time range (is this machine's clock right?)",
  '1002012': 'the requested scope is not valid',
  '500011': 'the resource is not available in this tenant',
};

/** Gets and caches app-only access tokens. */
export class TokenProvider {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly issued: string[] = [];

  constructor(private readonly o: TokenProviderOptions) {}

  /** The token endpoint of the tenant. */
  get endpoint(): string {
    return `${this.o.loginUrl}/${encodeURIComponent(this.o.tenantId)}/oauth2/v2.0/token`;
  }

  /** A valid token, from the cache when it has more than 5 minutes left. */
  async token(signal?: AbortSignal): Promise<string> {
    const c = this.cached;
    if (c && this.o.clock.now() < c.expiresAt - RENEW_BEFORE_MS) return c.token;
    this.pending ??= this.fetchToken(signal).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forget `token` after Microsoft refused it, so the next call signs in again. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /** Values that must never appear in a message: the secret and the tokens issued. */
  secrets(): string[] {
    return [this.o.clientSecret ?? '', ...this.issued];
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.o.clientId, scope: this.o.scope });
    let assertion: string | undefined;
    if (this.o.signer) {
      assertion = this.o.signer.assertion(this.o.clientId, this.endpoint, this.o.clock.now());
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', assertion);
    } else {
      form.set('client_secret', this.o.clientSecret ?? '');
    }
    const scrub = (s: string) => redact(s, [...this.secrets(), assertion]);
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      let body: string;
      try {
        res = await fetchWithTimeout(
          this.endpoint,
          { method: 'POST', body: form, headers: { accept: 'application/json' } },
          this.o.timeoutMs,
          signal,
        );
        body = await res.text();
      } catch (e) {
        if (isAbort(e, signal)) throw e;
        if (attempt >= ATTEMPTS)
          throw new CollectorUnavailableError(`cannot reach the Microsoft sign-in endpoint ${this.o.loginUrl}: ${scrub(oneLine(e))}`);
        await this.o.clock.sleep(retryDelay(attempt), signal);
        continue;
      }
      if ((res.status >= 500 || res.status === 429) && attempt < ATTEMPTS) {
        await this.o.clock.sleep(retryDelay(attempt), signal);
        continue;
      }
      let json: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown; error_codes?: unknown };
      try {
        json = JSON.parse(body);
      } catch {
        const html = /^\s*</.test(body);
        throw new CollectorResponseError(
          `the Microsoft sign-in endpoint ${this.o.loginUrl} answered ${res.status} with ${html ? 'an HTML page' : 'text'} instead of JSON (check loginUrl and any proxy in between)`,
        );
      }
      if (res.ok && typeof json.access_token === 'string') {
        const expiresIn = Number(json.expires_in) > 0 ? Number(json.expires_in) : 3599;
        this.cached = { token: json.access_token, expiresAt: this.o.clock.now() + expiresIn * 1000 };
        this.issued.push(json.access_token);
        if (this.issued.length > 8) this.issued.shift();
        return json.access_token;
      }
      const description = typeof json.error_description === 'string' ? json.error_description : '';
      const code = /AADSTS(\d+)/.exec(description)?.[1] ?? (Array.isArray(json.error_codes) ? String(json.error_codes[0] ?? '') : '');
      const hint = AADSTS_HINTS[code];
      const summary = hint
        ? `AADSTS${code}: ${hint}`
        : `${String(json.error ?? res.status)}${description ? `: ${oneLine(description.split(/\r?\n/)[0] ?? '')}` : ''}`;
      throw new CollectorAuthError(`sign-in to Microsoft Entra ID failed (${res.status}) for client ${this.o.clientId}: ${scrub(summary)}`);
    }
  }
}
