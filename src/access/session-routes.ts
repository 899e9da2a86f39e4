import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/index.ts';
import { actorOf } from './http-authentication.ts';
import { setUserPassword } from './set-password.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';
import { endSession, signIn } from './sessions.ts';
import { authorizeOrAudit } from './authorize-or-audit.ts';
import { whoAmI } from './who-am-i.ts';

const anyText = { type: 'string', minLength: 1, maxLength: 1024 } as const;

/**
 * The web UI's sign-in (issue 9): `POST /api/session {name, password}` answers whoAmI and sets
 * the session cookie; `DELETE /api/session` signs out. `PUT /api/users/:name/password` sets a
 * password: an admin for anyone, any user for themselves.
 */
export function registerSessionRoutes(app: FastifyInstance, deps: { store: Store }): void {
  const db = deps.store.db;

  app.post<{ Body: { name: string; password: string } }>(
    '/api/session',
    {
      config: { open: true },
      schema: {
        body: {
          type: 'object',
          required: ['name', 'password'],
          additionalProperties: false,
          properties: { name: anyText, password: anyText },
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, request.body);
      setSessionCookie(request, reply, session.token);
      return whoAmI(session.actor);
    },
  );

  app.delete('/api/session', { config: { open: true } }, async (request, reply) => {
    const token = sessionTokenOf(request);
    if (token !== undefined) await endSession(db, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.put<{ Params: { name: string }; Body: { password: string } }>(
    '/api/users/:name/password',
    {
      // Anyone signed in may set their own; authorized below for someone else's.
      config: { permission: 'read' },
      schema: {
        body: {
          type: 'object',
          required: ['password'],
          additionalProperties: false,
          properties: { password: { type: 'string' } },
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { name } = request.params;
      if (name !== actor.userName)
        await authorizeOrAudit(db, {
          actor,
          action: 'users.manage',
          target: `user ${name}`,
          request: { setPassword: { name } },
        });
      const keep = actor.via === 'ui' ? sessionTokenOf(request) : undefined;
      return setUserPassword(db, { name, password: request.body.password }, actor, keep);
    },
  );
}
