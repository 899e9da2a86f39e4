import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { userViews, type UserView } from './users.ts';

/** Every user, by name, disabled ones included (they show when they were disabled). */
export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  return userViews(db);
}
