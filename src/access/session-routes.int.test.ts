import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { buildServer, type StorebridgeServer } from '../http/server.ts';
import { createLogger } from '../shared/logger.ts';
import { listAuditLog, setUserPassword } from './index.ts';
import { addTestUser, type TestUser } from './testing/test-users.ts';

const password = 'correct horse battery';

describeOnEachBackend('signing in to the web UI: /api/session and the session cookie', (backend) => {
  let store: TestStore;
  let server: StorebridgeServer;
  let admin: TestUser;

  const signIn = (name: string, secret = password) =>
    server.inject({ method: 'POST', url: '/api/session', payload: { name, password: secret } });
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['set-cookie']).split(';')[0]!;

  // One store and server for the file: each test makes the users it needs under its own names.
  beforeAll(async () => {
    store = await openTestStore(backend);
    admin = await addTestUser(store.db, 'admin', 'ann');
    server = buildServer({ store, secretKey: randomBytes(32), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });
  beforeEach(async () => {
    await store.db.deleteFrom('sessions').execute();
  });

  async function userWithPassword(role: 'admin' | 'agent' | 'read_only', name: string): Promise<TestUser> {
    const user = await addTestUser(store.db, role, name);
    await setUserPassword(store.db, { name, password }, 'local');
    return user;
  }

  it('signs in with name and password: whoAmI, and a 12-hour HttpOnly SameSite=Strict cookie', async () => {
    await userWithPassword('agent', 'sam');
    const response = await signIn('sam');
    expect([response.statusCode, response.json()]).toEqual([
      200,
      { name: 'sam', role: 'agent', may: expect.arrayContaining(['read', 'refund.create']) },
    ]);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(
      /^storebridge_session=sbs_[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const me = await server.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookieOf(response) },
    });
    expect(me.json()).toMatchObject({ name: 'sam', role: 'agent' });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    await userWithPassword('agent', 'sue');
    // The proxy that ends TLS says so; app.inject has no TLS socket of its own.
    const response = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'sue', password },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('answers every failed sign-in alike, so names cannot be probed', async () => {
    await userWithPassword('agent', 'dan');
    await addTestUser(store.db, 'agent', 'nopass');
    await store.db.updateTable('users').set({ disabled_at: new Date() }).where('name', '=', 'dan').execute();
    await userWithPassword('agent', 'wes');
    const answers = await Promise.all([
      signIn('wes', 'not the password!'),
      signIn('nobody'),
      signIn('nopass'),
      signIn('dan'),
    ]);
    for (const answer of answers) {
      expect([answer.statusCode, answer.json()]).toEqual([
        401,
        { error: { code: 'sign_in_failed', message: 'name or password is wrong' } },
      ]);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('stops a session when it expires, when its user is disabled, and on sign-out', async () => {
    await userWithPassword('agent', 'eve');
    const expiring = cookieOf(await signIn('eve'));
    await store.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await server.inject({ url: '/api/me', headers: { cookie: expiring } })).statusCode).toBe(401);

    const disabled = cookieOf(await signIn('eve'));
    const disabling = await server.inject({
      method: 'PATCH',
      url: '/api/users/eve',
      headers: { authorization: `Bearer ${admin.apiKey}` },
      payload: { disabled: true },
    });
    expect(disabling.statusCode).toBe(200);
    expect((await server.inject({ url: '/api/me', headers: { cookie: disabled } })).statusCode).toBe(401);

    await userWithPassword('agent', 'fay');
    const cookie = cookieOf(await signIn('fay'));
    const out = await server.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^storebridge_session=; Max-Age=0;/);
    expect((await server.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write that is not JSON (csrf), and audits a JSON one as ui', async () => {
    await userWithPassword('admin', 'ada');
    const cookie = cookieOf(await signIn('ada'));
    const form = await server.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=mallory&role=admin',
    });
    expect([form.statusCode, form.json().error.code]).toEqual([403, 'csrf']);
    const plain = await server.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: '{"name":"mallory","role":"admin"}',
    });
    expect([plain.statusCode, plain.json().error.code]).toEqual([403, 'csrf']);
    expect((await server.inject({ url: '/api/users', headers: { cookie } })).json().users).not.toContainEqual(
      expect.objectContaining({ name: 'mallory' }),
    );

    const json = await server.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { name: 'gus', role: 'agent' },
    });
    expect(json.statusCode).toBe(201);
    const { entries } = await listAuditLog(store.db, { user: 'ada' });
    expect(entries[0]).toMatchObject({ user: 'ada', via: 'ui', target: 'user gus', outcome: 'succeeded' });
  });

  it('shows a read_only user what they may do, and refuses them a write', async () => {
    await userWithPassword('read_only', 'rob');
    const signedIn = await signIn('rob');
    expect(signedIn.json()).toEqual({ name: 'rob', role: 'read_only', may: ['read'] });
    const write = await server.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookieOf(signedIn) },
      payload: { name: 'x', role: 'agent' },
    });
    expect([write.statusCode, write.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('PUT /api/users/:name/password: for oneself, or by an admin; at least 12 characters; audited', async () => {
    const { apiKey } = await userWithPassword('agent', 'hal');
    const put = (name: string, body: object, key = apiKey) =>
      server.inject({
        method: 'PUT',
        url: `/api/users/${name}/password`,
        headers: { authorization: `Bearer ${key}` },
        payload: body,
      });
    const other = await signIn('hal');
    expect((await put('hal', { password: 'a new passphrase' })).statusCode).toBe(200);
    expect((await signIn('hal')).statusCode).toBe(401);
    expect((await signIn('hal', 'a new passphrase')).statusCode).toBe(200);
    // The browser signed in with the old password is signed out.
    expect((await server.inject({ url: '/api/me', headers: { cookie: cookieOf(other) } })).statusCode).toBe(
      401,
    );

    const short = await put('hal', { password: 'too short' });
    expect([short.statusCode, short.json().error.issues]).toEqual([
      400,
      [{ path: 'password', message: 'must be at least 12 characters' }],
    ]);
    expect((await put('ann', { password: 'taking over ann' })).statusCode).toBe(403);
    expect((await put('hal', { password: 'set by an admin' }, admin.apiKey)).statusCode).toBe(200);
    expect((await signIn('hal', 'set by an admin')).statusCode).toBe(200);

    const { entries } = await listAuditLog(store.db, { action: 'users.manage' });
    expect(entries.filter((entry) => entry.target === 'user ann')).toEqual([
      expect.objectContaining({ user: 'hal', outcome: 'refused' }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('set by an admin');
  });

  it('keeps every other /api/ route closed without credentials', async () => {
    const response = await server.inject({ url: '/api/me' });
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'unauthenticated']);
  });
});
