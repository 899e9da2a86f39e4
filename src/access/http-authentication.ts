import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { actorForApiKey } from './api-keys.ts';
import type { Action } from './roles.ts';
import { sessionTokenOf } from './session-cookie.ts';
import { actorForSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a route does, for the permission check every /api/ route gets
     * (`{ config: { permission: 'refund.create' } }`). Undeclared: GET needs `read`, anything else
     * `shop.configure`, so a forgotten declaration errs on the side of refusing.
     */
    permission?: Action;
    /** Open without credentials: only `/api/session` (signing in and out) may say so. */
    open?: true;
  }
}

/**
 * A browser signed in by cookie sends it with every request, including one a hostile page makes
 * it send. A cross-site form can only send form, multipart or plain-text bodies; a JSON
 * content type needs a CORS preflight, which this server never grants.
 */
export class CsrfRefusedError extends ForbiddenError {
  override readonly code = 'csrf';
}

const actors = new WeakMap<FastifyRequest, Actor>();

/**
 * Resolves who is acting on every /api/ request before its route runs: `Authorization: Bearer
 * <API key>` (a wrong key is answered 401 at once), else the web UI's session cookie (an unknown
 * or expired one is as good as none). The route then asks actorOf() who is acting.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new UnauthenticatedError('Authorization: expected "Bearer <API key>"');
      actors.set(request, await actorForApiKey(db, match[1], 'api'));
      return;
    }
    const token = sessionTokenOf(request);
    if (token === undefined || request.routeOptions.config.open) return;
    const actor = await actorForSession(db, token);
    if (!actor) return;
    if (!isRead(request.method) && !isJson(request))
      throw new CsrfRefusedError(
        'A signed-in browser must send changes as JSON (Content-Type: application/json); this request was refused as possibly cross-site',
      );
    actors.set(request, actor);
  });
}

/** The user behind the request, or a 401 saying how to authenticate. */
export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor)
    throw new UnauthenticatedError(
      'This needs an API key ("Authorization: Bearer <key>"; an admin makes one with `storebridge api-keys create`) or a signed-in session (POST /api/session)',
    );
  return actor;
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}
