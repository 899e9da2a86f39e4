import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { iso } from './users.ts';

/** A key as listings show it: never the key itself, which exists only in the answer that made it. */
export interface ApiKeyView {
  prefix: string;
  user: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function apiKeyViews(
  db: Kysely<Database>,
  filter: { userId?: number; prefix?: string } = {},
): Promise<ApiKeyView[]> {
  let query = db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.user_id')
    .select([
      'api_keys.prefix',
      'users.name',
      'api_keys.label',
      'api_keys.created_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
    ])
    .orderBy('api_keys.id');
  if (filter.userId !== undefined) query = query.where('api_keys.user_id', '=', filter.userId);
  if (filter.prefix !== undefined) query = query.where('api_keys.prefix', '=', filter.prefix);
  const rows = await query.execute();
  return rows.map((row) => ({
    prefix: row.prefix,
    user: row.name,
    label: row.label,
    createdAt: iso(row.created_at),
    lastUsedAt: row.last_used_at ? iso(row.last_used_at) : null,
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
  }));
}
