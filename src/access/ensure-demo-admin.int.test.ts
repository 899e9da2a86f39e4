import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freshDataDir } from '../../test/support/cli.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import {
  actorForApiKey,
  ensureDemoAdmin,
  listApiKeys,
  revokeApiKey,
  setUserPassword,
  signIn,
} from './index.ts';

describeOnEachBackend("npm start's demo-admin key", (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(() => store.close());

  it('is made once, kept owner-only in the data folder, and reused by later starts', async () => {
    const path = join(freshDataDir(), 'demo-admin.key');
    expect(await ensureDemoAdmin(store.db, path)).toEqual({ path, status: 'ok' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const key = readFileSync(path, 'utf8').trim();
    expect(await actorForApiKey(store.db, key, 'api')).toMatchObject({
      userName: 'demo-admin',
      role: 'admin',
    });

    expect(await ensureDemoAdmin(store.db, path)).toEqual({ path, status: 'ok' });
    expect(readFileSync(path, 'utf8').trim()).toBe(key);
    expect(await listApiKeys(store.db)).toHaveLength(1);
  });

  it('is not remade behind the back of an admin who revoked it', async () => {
    const path = join(freshDataDir(), 'demo-admin.key');
    await ensureDemoAdmin(store.db, path);
    const [made] = await listApiKeys(store.db);
    await revokeApiKey(store.db, { prefix: made!.prefix }, 'local');
    expect(await ensureDemoAdmin(store.db, path)).toEqual({ path, status: 'revoked' });
    expect(await listApiKeys(store.db)).toHaveLength(1);
  });

  it('gives demo-admin a password for the web UI, made once, kept owner-only, and not overwritten', async () => {
    const dir = freshDataDir();
    const keyPath = join(dir, 'demo-admin.key');
    const passwordPath = join(dir, 'demo-admin.password');
    const first = await ensureDemoAdmin(store.db, keyPath, passwordPath);
    const password = readFileSync(passwordPath, 'utf8').trim();
    expect(first.password).toEqual({ path: passwordPath, status: 'ok', password });
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(statSync(passwordPath).mode & 0o777).toBe(0o600);
    expect((await signIn(store.db, { name: 'demo-admin', password })).actor.role).toBe('admin');

    expect((await ensureDemoAdmin(store.db, keyPath, passwordPath)).password).toEqual(first.password);
    await setUserPassword(store.db, { name: 'demo-admin', password: 'chosen by the admin' }, 'local');
    expect((await ensureDemoAdmin(store.db, keyPath, passwordPath)).password).toEqual({
      path: passwordPath,
      status: 'changed',
    });
    expect(readFileSync(passwordPath, 'utf8').trim()).toBe(password);
  });
});
