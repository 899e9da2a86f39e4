import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName, sessionHours } from './sessions.ts';

/** The session token from the `storebridge_session` cookie, if the request has one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === sessionCookieName)
      return part.slice(equals + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when the
 * request came over https (a plain-http localhost demo must still work). The UI and the API share
 * an origin, so Path=/ covers both.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.header('set-cookie', cookie(request, token, sessionHours * 3600));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', cookie(request, '', 0));
}

function cookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = cameOverHttps(request) ? '; Secure' : '';
  return `${sessionCookieName}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * TLS is usually ended by a proxy in front, which says so in X-Forwarded-Proto. Trusting that
 * header here is safe without trustProxy: a forged one can only make the cookie stricter.
 */
function cameOverHttps(request: FastifyRequest): boolean {
  if (request.protocol === 'https') return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first?.toLowerCase() === 'https';
}
