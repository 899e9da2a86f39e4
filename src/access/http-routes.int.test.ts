import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { buildServer, type StorebridgeServer } from '../http/server.ts';
import { createLogger } from '../shared/logger.ts';
import { recordAudit } from './index.ts';
import { addTestUser, type TestUser } from './testing/test-users.ts';

describeOnEachBackend('/api/me, /api/users, /api/api-keys, /api/audit', (backend) => {
  let store: TestStore;
  let server: StorebridgeServer;
  let admin: TestUser;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    key = admin.apiKey,
  ) =>
    server.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });

  beforeEach(async () => {
    store = await openTestStore(backend);
    admin = await addTestUser(store.db, 'admin', 'ann');
    server = buildServer({ store, secretKey: randomBytes(32), logger: createLogger('silent') });
  });
  afterEach(async () => {
    await server.close();
    await store.close();
  });

  it('GET /api/me says who I am and what my role may do', async () => {
    const { apiKey } = await addTestUser(store.db, 'read_only', 'rita');
    expect((await call('GET', '/api/me', undefined, apiKey)).json()).toEqual({
      name: 'rita',
      role: 'read_only',
      may: ['read'],
    });
    expect((await call('GET', '/api/me')).json().may).toContain('users.manage');
  });

  it('an admin adds a user, gives them a key that works once shown, changes the role, disables them', async () => {
    const added = await call('POST', '/api/users', { name: 'bob', role: 'agent' });
    expect([added.statusCode, added.json()]).toEqual([
      201,
      { name: 'bob', role: 'agent', createdAt: expect.any(String), disabledAt: null, activeKeys: 0 },
    ]);
    const created = await call('POST', '/api/api-keys', { user: 'bob', label: 'desk' });
    expect(created.statusCode).toBe(201);
    const { key, prefix } = created.json() as { key: string; prefix: string };
    expect((await call('GET', '/api/me', undefined, key)).json()).toMatchObject({
      name: 'bob',
      role: 'agent',
    });
    const listed = await call('GET', '/api/api-keys?user=bob');
    expect(listed.json().apiKeys).toEqual([
      expect.objectContaining({ prefix, user: 'bob', label: 'desk', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed.json())).not.toContain(key);

    expect((await call('PATCH', '/api/users/bob', { role: 'read_only' })).json()).toMatchObject({
      role: 'read_only',
    });
    expect((await call('GET', '/api/me', undefined, key)).json().role).toBe('read_only');
    expect((await call('PATCH', '/api/users/bob', { disabled: true })).json().disabledAt).not.toBeNull();
    expect((await call('GET', '/api/me', undefined, key)).statusCode).toBe(401);
    expect((await call('GET', '/api/users')).json().users.map((u: { name: string }) => u.name)).toEqual([
      'ann',
      'bob',
    ]);
  });

  it('revokes a key by its prefix: it stops working at once', async () => {
    const { key, prefix } = (await call('POST', '/api/api-keys', { user: 'ann' })).json() as {
      key: string;
      prefix: string;
    };
    const revoked = await call('DELETE', `/api/api-keys/${prefix}`);
    expect(revoked.json()).toMatchObject({ prefix, revokedAt: expect.any(String) });
    expect((await call('GET', '/api/me', undefined, key)).statusCode).toBe(401);
    expect((await call('GET', '/api/me')).statusCode).toBe(200);
  });

  it('answers bad input naming the field', async () => {
    const cases: [method: 'POST' | 'PATCH' | 'DELETE', string, object | undefined, number, RegExp][] = [
      ['POST', '/api/users', { name: 'ann', role: 'agent' }, 409, /^name: a user "ann" already exists$/],
      ['POST', '/api/users', { name: 'cy', role: 'boss' }, 400, /^body\.role: must be equal to one of/],
      ['POST', '/api/users', { role: 'agent' }, 400, /name/],
      ['PATCH', '/api/users/zed', { role: 'agent' }, 404, /^name: there is no user "zed"/],
      ['PATCH', '/api/users/ann', {}, 400, /body/],
      ['PATCH', '/api/users/ann', { disabled: true }, 409, /^name: "ann" is the last enabled admin/],
      ['POST', '/api/api-keys', { user: 'zed' }, 404, /^user: there is no user "zed"/],
      ['DELETE', '/api/api-keys/nope', undefined, 400, /^prefix: "nope" is not a key prefix/],
    ];
    for (const [method, url, payload, status, message] of cases) {
      const response = await call(method, url, payload);
      expect([url, response.statusCode]).toEqual([url, status]);
      expect(response.json().error.message).toMatch(message);
    }
  });

  it('GET /api/audit filters by shop, user, action and since, newest first, one page at a time', async () => {
    const bob = await addTestUser(store.db, 'agent', 'bob');
    for (const [shopCode, order] of [
      ['WEB', 1],
      ['EU', 2],
      ['WEB', 3],
    ] as const) {
      await recordAudit(store.db, {
        actor: bob.actor,
        action: 'refund.create',
        shopCode,
        target: `order ${order}`,
        request: { order },
        outcome: 'succeeded',
        shopifyAnswer: { refund: { id: `gid://shopify/Refund/${order}` } },
        idempotencyKey: `k${order}`,
      });
    }
    await recordAudit(store.db, {
      actor: admin.actor,
      action: 'sync.run',
      shopCode: 'WEB',
      request: {},
      outcome: 'failed',
    });

    const web = (await call('GET', '/api/audit?shop=WEB&action=refund.create')).json();
    expect(web.entries.map((e: { target: string }) => e.target)).toEqual(['order 3', 'order 1']);
    expect(web.entries[0]).toMatchObject({
      user: 'bob',
      role: 'agent',
      via: 'api',
      outcome: 'succeeded',
      shopifyAnswer: { refund: { id: 'gid://shopify/Refund/3' } },
      idempotencyKey: 'k3',
    });
    expect((await call('GET', '/api/audit?user=ann')).json().entries).toHaveLength(1);
    expect((await call('GET', '/api/audit?since=2999-01-01')).json().entries).toEqual([]);

    const first = (await call('GET', '/api/audit?limit=3')).json();
    expect(first.entries.map((e: { action: string }) => e.action)).toEqual([
      'sync.run',
      'refund.create',
      'refund.create',
    ]);
    const second = (await call('GET', `/api/audit?limit=3&before=${first.next}`)).json();
    expect([second.entries.map((e: { target: string }) => e.target), second.next]).toEqual([
      ['order 1'],
      null,
    ]);

    for (const [query, message] of [
      ['since=yesterday', /^since: "yesterday" is not a date/],
      ['action=refund.make', /^action: "refund.make" is not an action/],
      ['limit=0', /^limit: "0" is not a positive whole number/],
      ['who=me', /^query: unknown filter who/],
    ] as const) {
      const response = await call('GET', `/api/audit?${query}`);
      expect([response.statusCode, response.json().error.message]).toEqual([
        400,
        expect.stringMatching(message),
      ]);
    }
  });
});
