import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { keepAnAdmin } from './last-admin.ts';
import { auditManagement, type Manager } from './management-audit.ts';
import { checkRole, findUser, userView, type UserView } from './users.ts';

export interface SetUserRoleInput {
  name: string;
  role: string;
}

/** Changes a user's role; it applies to the user's next request (keys stay valid). */
export async function setUserRole(
  db: Kysely<Database>,
  input: SetUserRoleInput,
  by: Manager,
): Promise<UserView> {
  const role = checkRole(input.role);
  return db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.name);
    if (user.role === role) return userView(trx, user.name);
    await keepAnAdmin(trx, user, `making them ${role}`);
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
    await auditManagement(trx, by, `user ${user.name}`, {
      setRole: { name: user.name, from: user.role, to: role },
    });
    return userView(trx, user.name);
  });
}
