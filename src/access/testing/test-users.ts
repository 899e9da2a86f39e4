import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Actor } from '../actor.ts';
import { generateApiKey } from '../api-keys.ts';
import type { Role } from '../roles.ts';

export interface TestUser {
  actor: Actor;
  /** The user's API key, for `Authorization: Bearer <key>` or `--api-key`. */
  apiKey: string;
}

/** A user of the role with a fresh API key, for tests (name defaults to the role). */
export async function addTestUser(db: Kysely<Database>, role: Role, name: string = role): Promise<TestUser> {
  const user = await db.insertInto('users').values({ name, role }).returning('id').executeTakeFirstOrThrow();
  const key = generateApiKey();
  await db
    .insertInto('api_keys')
    .values({ user_id: user.id, prefix: key.prefix, key_hash: key.keyHash, label: 'test' })
    .execute();
  return { actor: { userId: user.id, userName: name, role, via: 'api' }, apiKey: key.key };
}
