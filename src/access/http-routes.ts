import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/index.ts';
import { ValidationError } from '../shared/errors.ts';
import { addUser } from './add-user.ts';
import { createApiKey } from './create-api-key.ts';
import { disableUser } from './disable-user.ts';
import { actorOf } from './http-authentication.ts';
import { listApiKeys } from './list-api-keys.ts';
import { listAuditLog, type AuditLogFilter } from './list-audit-log.ts';
import { listUsers } from './list-users.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { roles } from './roles.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { setUserRole } from './set-user-role.ts';
import { whoAmI } from './who-am-i.ts';

const manage = { permission: 'users.manage' } as const;
const name = { type: 'string', minLength: 1 } as const;
const role = { type: 'string', enum: [...roles] } as const;

/**
 * The JSON twins of `users`, `api-keys` and `audit` (docs/access.md): admin only
 * (`users.manage`), except `GET /api/me`, which any key may ask (who am I, my role, what I may do).
 */
export function registerAccessRoutes(app: FastifyInstance, deps: { store: Store }): void {
  const db = deps.store.db;
  registerSessionRoutes(app, deps);

  app.get('/api/me', { config: { permission: 'read' } }, async (request) => whoAmI(actorOf(request)));

  app.get('/api/users', { config: manage }, async () => ({ users: await listUsers(db) }));

  app.post<{ Body: { name: string; role: string } }>(
    '/api/users',
    {
      config: manage,
      schema: {
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: { name, role },
        },
      },
    },
    async (request, reply) => {
      const user = await addUser(db, request.body, actorOf(request));
      return reply.code(201).send(user);
    },
  );

  app.patch<{ Params: { name: string }; Body: { role?: string; disabled?: true } }>(
    '/api/users/:name',
    {
      config: manage,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          properties: { role, disabled: { type: 'boolean', const: true } },
        },
      },
    },
    async (request) => {
      const by = actorOf(request);
      const { name: userName } = request.params;
      if (request.body.role !== undefined)
        return setUserRole(db, { name: userName, role: request.body.role }, by);
      return disableUser(db, { name: userName }, by);
    },
  );

  app.get<{ Querystring: { user?: string } }>('/api/api-keys', { config: manage }, async (request) => ({
    apiKeys: await listApiKeys(db, { user: request.query.user }),
  }));

  app.post<{ Body: { user: string; label?: string } }>(
    '/api/api-keys',
    {
      config: manage,
      schema: {
        body: {
          type: 'object',
          required: ['user'],
          additionalProperties: false,
          properties: { user: name, label: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      const created = await createApiKey(db, request.body, actorOf(request));
      return reply
        .code(201)
        .send({ ...created, shownOnce: 'Keep the key now: it is not stored and will not be shown again.' });
    },
  );

  app.delete<{ Params: { prefix: string } }>('/api/api-keys/:prefix', { config: manage }, async (request) =>
    revokeApiKey(db, { prefix: request.params.prefix }, actorOf(request)),
  );

  app.get<{ Querystring: AuditLogFilter }>('/api/audit', { config: manage }, async (request) => {
    const query = request.query;
    const unknown = Object.keys(query).filter((key) => !auditFilters.includes(key));
    if (unknown.length > 0)
      throw new ValidationError(
        `query: unknown filter ${unknown.join(', ')}; filters are ${auditFilters.join(', ')}`,
      );
    const repeated = Object.entries(query).find(([, value]) => typeof value !== 'string');
    if (repeated) throw new ValidationError(`${repeated[0]}: give it once`);
    return listAuditLog(db, query);
  });
}

const auditFilters = ['shop', 'user', 'action', 'since', 'limit', 'before'];
