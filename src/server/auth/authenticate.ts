/** The request hook that finds who is calling (session cookie or bearer token), enforces roles and CSRF. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthRequiredError, CsrfError, ForbiddenError } from '../errors.js';
import { roleAllows, type Access, type Role } from './roles.js';
import type { SessionStore } from './session-store.js';
import type { UserDirectory } from './user-directory.js';

export const SESSION_COOKIE = 'mailsift_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who is calling. */
export interface Principal {
  user: string;
  role: Role;
  via: 'session' | 'token';
  /** CSRF token of the session (session callers only). */
  csrf?: string;
  source?: 'local' | 'oidc';
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Who may call the route; default: any signed-in user (viewer). */
    access?: Access;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request comes from a page of this server (Origin, else Sec-Fetch-Site); absent headers are allowed (non-browser clients). */
export function isSameOrigin(request: FastifyRequest, publicUrl?: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    const from = new URL(origin);
    // Compare as URLs of the Origin's scheme, so a default port written or not (":80") makes no difference.
    const allowed = [
      request.headers.host ? new URL(`${from.protocol}//${request.headers.host}`).host : undefined,
      publicUrl ? new URL(publicUrl).host : undefined,
    ];
    return allowed.some((h) => h !== undefined && h === from.host);
  } catch {
    return false;
  }
}

/** Build the onRequest hook. */
export function authenticateHook(deps: { sessions: SessionStore; users: UserDirectory; publicUrl?: string }) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    // Unknown paths outside /api are the web app's own (index.html); unknown /api paths need sign-in like the rest.
    const access: Access = request.is404
      ? request.url.startsWith('/api/') || request.url === '/api'
        ? 'viewer'
        : 'public'
      : (request.routeOptions.config?.access ?? 'viewer');
    const unsafe = !SAFE_METHODS.has(request.method);
    if (access === 'public') {
      // Public routes work whatever credentials come along (a stale token must not break the health check).
      request.principal = await findPrincipal(request, deps).catch(() => undefined);
      if (unsafe && !isSameOrigin(request, deps.publicUrl)) throw new CsrfError('cross-origin request refused');
      return;
    }
    request.principal = await findPrincipal(request, deps);
    const p = request.principal;
    if (!p) throw new AuthRequiredError();
    if (!roleAllows(p.role, access))
      throw new ForbiddenError(`this needs the ${access} role; you are ${p.role}`, {
        reason: 'role-needed',
        params: { access, role: p.role },
      });
    if (unsafe && p.via === 'session') {
      if (!isSameOrigin(request, deps.publicUrl)) throw new CsrfError('cross-origin request refused');
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !p.csrf || !sameText(sent, p.csrf))
        throw new CsrfError('missing or wrong X-CSRF-Token header; reload the page');
    }
  };
}

async function findPrincipal(
  request: FastifyRequest,
  deps: { sessions: SessionStore; users: UserDirectory },
): Promise<Principal | undefined> {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) {
    const token = await deps.users.checkToken(auth.replace(/^bearer\s+/i, '').trim());
    // A wrong token is an error even on public routes: the caller meant to authenticate.
    if (!token) throw new AuthRequiredError('the API token is unknown or revoked');
    return { user: `token:${token.name}`, role: token.role, via: 'token' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  const session = await deps.sessions.get(cookie);
  if (!session) return undefined;
  let role = session.role;
  if (session.source === 'local') {
    // Users go, passwords and roles change while a session lives (also from the CLI, in another process): such a session is over.
    const current = await deps.users.sessionCheck(session.user);
    if (!current || current.epoch !== session.epoch) {
      await deps.sessions.delete(cookie);
      return undefined;
    }
    role = current.role;
  }
  return { user: session.user, role, via: 'session', csrf: session.csrf, source: session.source };
}
