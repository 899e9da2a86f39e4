import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import type { RegisterApiRoutes } from '../http/api/api-routes.ts';
import { capabilityRoutes } from '../http/api/capability-routes.ts';
import { buildServer, type StorebridgeServer } from '../http/server.ts';
import { createLogger } from '../shared/logger.ts';
import { listAuditLog, type Role } from './index.ts';
import { addTestUser } from './testing/test-users.ts';

/** Routes that forgot to declare a permission: GET needs `read`, anything else `shop.configure`. */
let undeclaredRuns = 0;
const undeclaredRoutes: RegisterApiRoutes = (app) => {
  app.get('/api/test/undeclared', async () => ({ ok: true }));
  app.post('/api/test/undeclared', async () => ({ ran: ++undeclaredRuns }));
};

describeOnEachBackend(
  'every /api/ route: 401 without a valid key, 403 for a role that may not',
  (backend) => {
    let store: TestStore;
    let server: StorebridgeServer;
    const keys = {} as Record<Role, string>;
    const as = (role: Role | null) => (role === null ? {} : { authorization: `Bearer ${keys[role]}` });

    beforeEach(async () => {
      store = await openTestStore(backend);
      for (const role of ['admin', 'agent', 'read_only'] as const)
        keys[role] = (await addTestUser(store.db, role)).apiKey;
      server = buildServer({
        store,
        secretKey: randomBytes(32),
        logger: createLogger('silent'),
        routes: [...capabilityRoutes, undeclaredRoutes],
      });
    });
    afterEach(async () => {
      await server.close();
      await store.close();
    });

    it('answers 401 unauthenticated without a key, with a malformed header and with an unknown key', async () => {
      const headers = [{}, { authorization: 'Basic abc' }, { authorization: `Bearer sbk_${'x'.repeat(43)}` }];
      for (const url of ['/api/stock', '/api/me', '/api/users', '/api/nothing-here']) {
        for (const header of headers) {
          const response = await server.inject({ url, headers: header });
          expect([url, response.statusCode, response.json().error.code]).toEqual([
            url,
            401,
            'unauthenticated',
          ]);
        }
      }
      const write = await server.inject({ method: 'POST', url: '/api/shops/WEB/sync/orders', payload: {} });
      expect(write.statusCode).toBe(401);
    });

    it('leaves /health, /metrics and /webhooks/shopify open (the webhook has its own HMAC check)', async () => {
      expect((await server.inject({ url: '/health' })).statusCode).toBe(200);
      expect((await server.inject({ url: '/metrics' })).statusCode).toBe(200);
      const webhook = await server.inject({ method: 'POST', url: '/webhooks/shopify', payload: {} });
      expect(webhook.json().error.code).not.toBe('unauthenticated');
    });

    // role -> what a sample of routes answers; 404 means the check let it through to the route.
    const cases: [string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, Record<Role, number>][] =
      [
        ['read', 'GET', '/api/stock', { admin: 200, agent: 200, read_only: 200 }],
        ['read', 'GET', '/api/shops/NOPE/documents', { admin: 404, agent: 404, read_only: 404 }],
        ['sync.run', 'POST', '/api/shops/NOPE/sync/orders', { admin: 404, agent: 404, read_only: 403 }],
        ['sync.run', 'POST', '/api/shops/NOPE/orders/1/reimport', { admin: 404, agent: 404, read_only: 403 }],
        ['sync.run', 'POST', '/api/shops/NOPE/refunds/process', { admin: 404, agent: 404, read_only: 403 }],
        [
          'shop.configure',
          'POST',
          '/api/shops/NOPE/webhooks/sync',
          { admin: 404, agent: 403, read_only: 403 },
        ],
        ['users.manage', 'GET', '/api/users', { admin: 200, agent: 403, read_only: 403 }],
        ['users.manage', 'GET', '/api/audit', { admin: 200, agent: 403, read_only: 403 }],
        ['users.manage', 'DELETE', '/api/api-keys/sbk_notthere', { admin: 404, agent: 403, read_only: 403 }],
        ['undeclared GET', 'GET', '/api/test/undeclared', { admin: 200, agent: 200, read_only: 200 }],
        ['undeclared POST', 'POST', '/api/test/undeclared', { admin: 200, agent: 403, read_only: 403 }],
      ];

    it.each(cases)('%s: %s %s', async (_permission, method, url, expected) => {
      const answers: Record<string, number> = {};
      for (const role of ['admin', 'agent', 'read_only'] as const) {
        const response = await server.inject({
          method,
          url,
          headers: as(role),
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        answers[role] = response.statusCode;
        if (response.statusCode === 403) expect(response.json().error.code).toBe('forbidden');
      }
      expect(answers).toEqual(expected);
    });

    it('a 403 runs nothing and writes nothing but the refusal in the audit log', async () => {
      undeclaredRuns = 0;
      const refused = await server.inject({
        method: 'POST',
        url: '/api/users',
        headers: as('agent'),
        payload: { name: 'mallory', role: 'admin' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe(
        'agent (role agent) may not manage users and API keys: that needs the role admin',
      );
      const undeclared = await server.inject({
        method: 'POST',
        url: '/api/test/undeclared',
        headers: as('read_only'),
      });
      expect(undeclared.statusCode).toBe(403);
      expect(undeclaredRuns).toBe(0);
      const users = await store.db.selectFrom('users').select('name').orderBy('name').execute();
      expect(users.map((u) => u.name)).toEqual(['admin', 'agent', 'read_only']);

      const { entries } = await listAuditLog(store.db);
      expect(entries).toEqual([
        expect.objectContaining({
          user: 'read_only',
          action: 'shop.configure',
          target: 'POST /api/test/undeclared',
          outcome: 'refused',
        }),
        expect.objectContaining({
          user: 'agent',
          role: 'agent',
          via: 'api',
          action: 'users.manage',
          target: 'POST /api/users',
          request: expect.objectContaining({ body: { name: 'mallory', role: 'admin' } }),
          outcome: 'refused',
        }),
      ]);
      // A refused read is answered 403 but not logged: the log keeps attempts to change things.
      await server.inject({ url: '/api/users', headers: as('read_only') });
      expect((await listAuditLog(store.db)).entries).toHaveLength(2);
    });

    it('keeps secrets out of the audited request', async () => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/shops/WEB/webhooks/sync',
        headers: as('agent'),
        payload: { address: 'https://x.example', accessToken: 'shpat_secret' },
      });
      expect(response.statusCode).toBe(403);
      const [entry] = (await listAuditLog(store.db)).entries;
      expect(entry).toMatchObject({ shopCode: 'WEB', request: { body: { accessToken: '[redacted]' } } });
      expect(JSON.stringify(entry)).not.toContain('shpat_secret');
    });
  },
);
