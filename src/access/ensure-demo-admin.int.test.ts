import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { freshDataDir } from '../../test/support/cli.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { actorForApiKey, ensureDemoAdmin, listApiKeys, revokeApiKey } from './index.ts';

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
});
