import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { apiKeyViews, type ApiKeyView } from './api-key-views.ts';
import { findUser } from './users.ts';

/** Keys, oldest first, revoked ones included; of one user when `user` is given. */
export async function listApiKeys(
  db: Kysely<Database>,
  filter: { user?: string | undefined } = {},
): Promise<ApiKeyView[]> {
  if (filter.user === undefined) return apiKeyViews(db);
  const user = await findUser(db, filter.user, 'user');
  return apiKeyViews(db, { userId: user.id });
}
