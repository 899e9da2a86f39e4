import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError } from '../shared/errors.ts';
import { auditManagement, type Manager } from './management-audit.ts';
import { checkRole, checkUserName, userView, type UserView } from './users.ts';

export interface AddUserInput {
  name: string;
  role: string;
}

/** A new user with a role (admin, agent, read_only) and no key yet (createApiKey gives one). */
export async function addUser(db: Kysely<Database>, input: AddUserInput, by: Manager): Promise<UserView> {
  const name = checkUserName(input.name);
  const role = checkRole(input.role);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('users')
      .values({ name, role })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new ConflictError(`name: a user "${name}" already exists`);
    await auditManagement(trx, by, `user ${name}`, { add: { name, role } });
    return userView(trx, name);
  });
}
