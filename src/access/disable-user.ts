import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { keepAnAdmin } from './last-admin.ts';
import { auditManagement, type Manager } from './management-audit.ts';
import { findUser, userView, type UserView } from './users.ts';

export interface DisableUserInput {
  name: string;
}

/**
 * Disables a user: every key of theirs stops working at once (actorForApiKey refuses keys of a
 * disabled user), and the audit log keeps their name. Disabling twice changes nothing.
 */
export async function disableUser(
  db: Kysely<Database>,
  input: DisableUserInput,
  by: Manager,
): Promise<UserView> {
  return db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.name);
    if (user.disabledAt !== null) return userView(trx, user.name);
    await keepAnAdmin(trx, user, 'disabling them');
    await trx.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    await auditManagement(trx, by, `user ${user.name}`, { disable: { name: user.name } });
    return userView(trx, user.name);
  });
}
