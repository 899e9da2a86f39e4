import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { UnauthenticatedError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { actorForApiKey } from './api-keys.ts';

import type { Action } from './roles.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a route does, for the permission check every /api/ route gets
     * (`{ config: { permission: 'refund.create' } }`). Undeclared: GET needs `read`, anything else
     * `shop.configure`, so a forgotten declaration errs on the side of refusing.
     */
    permission?: Action;
  }
}

const actors = new WeakMap<FastifyRequest, Actor>();

/**
 * Resolves `Authorization: Bearer <API key>` on every /api/ request before its route runs: a
 * wrong key is answered 401 at once; the route then asks actorOf() who is acting.
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthenticatedError('Authorization: expected "Bearer <API key>"');
    actors.set(request, await actorForApiKey(db, match[1], 'api'));
  });
}

/** The user behind the request, or a 401 saying how to authenticate. */
export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor)
    throw new UnauthenticatedError(
      'This needs an API key: send "Authorization: Bearer <key>" (an admin makes one with `storebridge api-keys create`)',
    );
  return actor;
}
