import type { Role } from '../../src/access/index.ts';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { openStore } from '../../src/db/index.ts';

/**
 * Users are made by an admin (src/access); here straight in a CLI's embedded store, between two
 * commands. Answers each user's API key under the same key; a user's name is its role unless named.
 */
export async function addCliUsers<K extends string>(
  dataDir: string,
  users: Record<K, { role: Role; name?: string }>,
): Promise<Record<K, string>> {
  const store = await openStore({ dataDir });
  try {
    const keys = {} as Record<K, string>;
    for (const [key, user] of Object.entries(users) as [K, { role: Role; name?: string }][])
      keys[key] = (await addTestUser(store.db, user.role, user.name)).apiKey;
    return keys;
  } finally {
    await store.close();
  }
}
