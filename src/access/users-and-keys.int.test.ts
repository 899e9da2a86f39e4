import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import {
  actorForApiKey,
  addUser,
  cliActor,
  createApiKey,
  disableUser,
  listApiKeys,
  listUsers,
  revokeApiKey,
  setUserRole,
} from './index.ts';

describeOnEachBackend('users and API keys', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(() => store.close());

  it('a key made for a user works, returns the user and role, and is stored only as its SHA-256', async () => {
    await addUser(store.db, { name: 'ann', role: 'agent' }, 'local');
    const made = await createApiKey(store.db, { user: 'ann', label: 'laptop' }, 'local');
    expect(made.key).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    expect(await actorForApiKey(store.db, made.key, 'api')).toMatchObject({
      userName: 'ann',
      role: 'agent',
      via: 'api',
    });
    const stored = await store.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(made.key);
    expect(await listApiKeys(store.db, { user: 'ann' })).toEqual([
      {
        prefix: made.prefix,
        user: 'ann',
        label: 'laptop',
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        revokedAt: null,
      },
    ]);
  });

  it('refuses a wrong key, a revoked key and the key of a disabled user alike (401)', async () => {
    await addUser(store.db, { name: 'ann', role: 'admin' }, 'local');
    await addUser(store.db, { name: 'bob', role: 'agent' }, 'local');
    const revoked = await createApiKey(store.db, { user: 'bob' }, 'local');
    const ofDisabled = await createApiKey(store.db, { user: 'bob' }, 'local');
    const ann = await createApiKey(store.db, { user: 'ann' }, 'local');
    await revokeApiKey(store.db, { prefix: revoked.prefix }, 'local');
    expect(await actorForApiKey(store.db, ofDisabled.key, 'api')).toMatchObject({ userName: 'bob' });
    await disableUser(store.db, { name: 'bob' }, 'local');

    const wrong = ann.key.slice(0, -1) + (ann.key.endsWith('A') ? 'B' : 'A');
    for (const key of [wrong, revoked.key, ofDisabled.key, 'not-a-key']) {
      await expect(actorForApiKey(store.db, key, 'api')).rejects.toMatchObject({
        code: 'unauthenticated',
        message: 'The API key is not valid (unknown, revoked, or its user is disabled)',
      });
    }
    await expect(cliActor(store.db, revoked.key)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await cliActor(store.db, ann.key)).toMatchObject({ userName: 'ann', via: 'cli' });
    expect((await listApiKeys(store.db)).map((k) => [k.user, k.revokedAt !== null])).toEqual([
      ['bob', true],
      ['bob', false],
      ['ann', false],
    ]);
  });

  it('keeps when a key was last used, to the minute', async () => {
    await addUser(store.db, { name: 'ann', role: 'read_only' }, 'local');
    const made = await createApiKey(store.db, { user: 'ann' }, 'local');
    expect((await listApiKeys(store.db))[0]?.lastUsedAt).toBeNull();
    await actorForApiKey(store.db, made.key, 'api');
    const first = (await listApiKeys(store.db))[0]?.lastUsedAt;
    expect(first).not.toBeNull();
    await actorForApiKey(store.db, made.key, 'api');
    expect((await listApiKeys(store.db))[0]?.lastUsedAt).toBe(first);
    // An hour later the next use is noted again.
    await store.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(Date.now() - 3_600_000) })
      .execute();
    await actorForApiKey(store.db, made.key, 'api');
    const later = (await listApiKeys(store.db))[0]?.lastUsedAt;
    expect(Date.parse(later!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('names the field in every refusal, and writes nothing', async () => {
    await addUser(store.db, { name: 'ann', role: 'admin' }, 'local');
    const cases: [() => Promise<unknown>, string, string][] = [
      [
        () => addUser(store.db, { name: 'ann', role: 'agent' }, 'local'),
        'conflict',
        'name: a user "ann" already exists',
      ],
      [
        () => addUser(store.db, { name: 'cy', role: 'boss' }, 'local'),
        'validation_failed',
        'role: "boss" is not a role; roles are admin, agent, read_only',
      ],
      [
        () => addUser(store.db, { name: 'a b', role: 'agent' }, 'local'),
        'validation_failed',
        'name: "a b" is not a valid user name',
      ],
      [
        () => setUserRole(store.db, { name: 'zed', role: 'agent' }, 'local'),
        'not_found',
        'name: there is no user "zed"',
      ],
      [() => createApiKey(store.db, { user: 'zed' }, 'local'), 'not_found', 'user: there is no user "zed"'],
      [() => listApiKeys(store.db, { user: 'zed' }), 'not_found', 'user: there is no user "zed"'],
      [
        () => revokeApiKey(store.db, { prefix: 'sbk_notthere' }, 'local'),
        'not_found',
        'prefix: there is no API key "sbk_notthere"',
      ],
      [
        () => revokeApiKey(store.db, { prefix: 'xyz' }, 'local'),
        'validation_failed',
        'prefix: "xyz" is not a key prefix',
      ],
      [
        () => setUserRole(store.db, { name: 'ann', role: 'agent' }, 'local'),
        'conflict',
        'name: "ann" is the last enabled admin',
      ],
      [
        () => disableUser(store.db, { name: 'ann' }, 'local'),
        'conflict',
        'name: "ann" is the last enabled admin',
      ],
    ];
    for (const [attempt, code, message] of cases) {
      await expect(attempt()).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    }
    expect(await listUsers(store.db)).toEqual([
      { name: 'ann', role: 'admin', createdAt: expect.any(String), disabledAt: null, activeKeys: 0 },
    ]);
    expect(await listApiKeys(store.db)).toEqual([]);
  });

  it('changes a role (effective on the next request) and refuses keys for a disabled user', async () => {
    await addUser(store.db, { name: 'ann', role: 'admin' }, 'local');
    await addUser(store.db, { name: 'bob', role: 'read_only' }, 'local');
    const bob = await createApiKey(store.db, { user: 'bob' }, 'local');
    expect(await setUserRole(store.db, { name: 'bob', role: 'agent' }, 'local')).toMatchObject({
      role: 'agent',
    });
    expect(await actorForApiKey(store.db, bob.key, 'api')).toMatchObject({ role: 'agent' });
    const disabled = await disableUser(store.db, { name: 'bob' }, 'local');
    expect(disabled.disabledAt).not.toBeNull();
    expect(await disableUser(store.db, { name: 'bob' }, 'local')).toEqual(disabled);
    await expect(createApiKey(store.db, { user: 'bob' }, 'local')).rejects.toMatchObject({
      code: 'conflict',
      message: 'user: "bob" is disabled; a key of theirs would not work',
    });
  });
});
