import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError } from '../shared/errors.ts';
import type { UserRow } from './users.ts';

/**
 * Refuses to take away the last enabled admin: without one nobody could manage users through
 * the API (the local CLI still could, docs/access.md "Bootstrap"). Call inside the transaction
 * that changes the user, after locking the admins.
 */
export async function keepAnAdmin(db: Kysely<Database>, user: UserRow, change: string): Promise<void> {
  if (user.role !== 'admin' || user.disabledAt !== null) return;
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .forUpdate()
    .execute();
  if (admins.length <= 1)
    throw new ConflictError(
      `name: "${user.name}" is the last enabled admin; ${change} would leave nobody to manage users (add another admin first)`,
    );
}
