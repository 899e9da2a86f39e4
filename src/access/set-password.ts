import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError } from '../shared/errors.ts';
import { auditManagement, type Manager } from './management-audit.ts';
import { checkPassword, hashPassword } from './password-hash.ts';
import { endSessionsOf } from './sessions.ts';
import { findUser, userView, type UserView } from './users.ts';

export interface SetPasswordInput {
  name: string;
  password: string;
}

/**
 * Sets a user's password for the web UI's sign-in. Their other browser sessions end (whoever
 * knew the old password is signed out); the session that made the change, if any, stays. The
 * audit entry says that the password was set, never what it is.
 */
export async function setUserPassword(
  db: Kysely<Database>,
  input: SetPasswordInput,
  by: Manager,
  keepSession?: string | undefined,
): Promise<UserView> {
  const password = checkPassword(input.password);
  const passwordHash = await hashPassword(password); // outside the transaction: scrypt takes ~50 ms
  return db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.name);
    if (user.disabledAt !== null)
      throw new ConflictError(`name: "${user.name}" is disabled; they could not sign in with it`);
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await endSessionsOf(trx, user.id, keepSession);
    await auditManagement(trx, by, `user ${user.name}`, { setPassword: { name: user.name } });
    return userView(trx, user.name);
  });
}
