/** Setting and clearing the session cookie: HttpOnly, SameSite=Strict, Secure whenever the browser came over TLS. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './authenticate.js';

/** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
export function cameOverTls(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return request.protocol === 'https' || first === 'https';
}

/** Give the browser its session cookie. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: cameOverTls(request),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Remove the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: cameOverTls(request), path: '/' });
}
