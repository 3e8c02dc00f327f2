/** Security headers on every answer: a strict Content-Security-Policy (no inline scripts) and friends. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cameOverTls } from './auth/session-cookie.js';

/** The Content-Security-Policy of the app. Inline styles are allowed: charts and the editor set element styles at run time. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Add the headers to one answer (also those Fastify makes before routing, which skip the hooks). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  });
  if (cameOverTls(request)) void reply.header('strict-transport-security', 'max-age=31536000');
  if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
}

/** Add the headers to every answer of `app`. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });
}
