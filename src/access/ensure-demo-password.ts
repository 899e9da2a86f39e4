import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { verifyPassword } from './password-hash.ts';
import { setUserPassword } from './set-password.ts';

export interface DemoAdminPassword {
  /** Where the password is kept (mode 0600). */
  path: string;
  /** `ok`: the password in the file signs in; `changed`: someone set another one, which stays. */
  status: 'ok' | 'changed';
  /** The password, when it is the one in the file (the start banner shows it). */
  password?: string | undefined;
}

/**
 * The web UI's sign-in for `npm start`'s demo: demo-admin gets a password, made once and kept
 * beside the key (mode 0600), reused by later starts. One an admin set since is not overwritten;
 * a disabled demo-admin gets none (undefined).
 */
export async function ensureDemoPassword(
  db: Kysely<Database>,
  userName: string,
  path: string,
): Promise<DemoAdminPassword | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['password_hash', 'disabled_at'])
    .where('name', '=', userName)
    .executeTakeFirstOrThrow();
  if (user.disabled_at !== null) return undefined; // a disabled user cannot sign in with any password
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (user.password_hash !== null && (await verifyPassword(kept, user.password_hash)))
      return { path, status: 'ok', password: kept };
    if (user.password_hash !== null) return { path, status: 'changed' };
  }
  const password = randomBytes(18).toString('base64url');
  await setUserPassword(db, { name: userName, password }, 'local');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, password + '\n', { mode: 0o600 });
  chmodSync(path, 0o600); // an existing file keeps its old mode through writeFileSync
  return { path, status: 'ok', password };
}
