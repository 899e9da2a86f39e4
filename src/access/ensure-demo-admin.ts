import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { hashApiKey } from './api-keys.ts';
import { createApiKey } from './create-api-key.ts';
import { ensureDemoPassword, type DemoAdminPassword } from './ensure-demo-password.ts';

export const demoAdminName = 'demo-admin';

export interface DemoAdminKey {
  /** Where the key is kept (mode 0600). */
  path: string;
  /** `ok`: the key in the file works; `revoked`: someone revoked it or disabled the user, and it stays so. */
  status: 'ok' | 'revoked';
  /** The web UI's sign-in, when a password file path was given and the user is enabled. */
  password?: DemoAdminPassword | undefined;
}

/**
 * `npm start`'s demo must be usable through the API, which needs a key: a `demo-admin` user and
 * one key for them, kept in the data folder (mode 0600, made once, reused by every later start).
 * A key an admin revoked is not remade behind their back; a key the store no longer knows (a
 * reset database) is.
 */
export async function ensureDemoAdmin(
  db: Kysely<Database>,
  keyPath: string,
  passwordPath?: string,
): Promise<DemoAdminKey> {
  const made = await ensureDemoKey(db, keyPath);
  if (passwordPath === undefined) return made;
  return { ...made, password: await ensureDemoPassword(db, demoAdminName, passwordPath) };
}

async function ensureDemoKey(db: Kysely<Database>, keyPath: string): Promise<DemoAdminKey> {
  if (existsSync(keyPath)) {
    const kept = await db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select(['api_keys.revoked_at', 'users.disabled_at'])
      .where('api_keys.key_hash', '=', hashApiKey(readFileSync(keyPath, 'utf8').trim()))
      .executeTakeFirst();
    if (kept) return { path: keyPath, status: kept.revoked_at || kept.disabled_at ? 'revoked' : 'ok' };
  }
  await db
    .insertInto('users')
    .values({ name: demoAdminName, role: 'admin' })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const user = await db
    .selectFrom('users')
    .select('disabled_at')
    .where('name', '=', demoAdminName)
    .executeTakeFirstOrThrow();
  if (user.disabled_at) return { path: keyPath, status: 'revoked' };
  const created = await createApiKey(db, { user: demoAdminName, label: 'npm start demo' }, 'local');
  mkdirSync(dirname(keyPath), { recursive: true });
  writeFileSync(keyPath, created.key + '\n', { mode: 0o600 });
  chmodSync(keyPath, 0o600); // an existing file keeps its old mode through writeFileSync
  return { path: keyPath, status: 'ok' };
}
