import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { apiKeyViews, type ApiKeyView } from './api-key-views.ts';
import { auditManagement, type Manager } from './management-audit.ts';

export interface RevokeApiKeyInput {
  /** The key's prefix as listings show it (`sbk_` and 8 characters); the whole key works too. */
  prefix: string;
}

/** Revokes a key: it stops working at once. Revoking twice changes nothing. */
export async function revokeApiKey(
  db: Kysely<Database>,
  input: RevokeApiKeyInput,
  by: Manager,
): Promise<ApiKeyView> {
  const prefix = typeof input.prefix === 'string' ? input.prefix.trim().slice(0, 12) : '';
  if (!/^sbk_[A-Za-z0-9_-]{8}$/.test(prefix))
    throw new ValidationError(`prefix: "${String(input.prefix)}" is not a key prefix (like sbk_1a2B3c4D)`, [
      { path: 'prefix', message: 'is not a key prefix' },
    ]);
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('prefix', '=', prefix)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    const [view] = await apiKeyViews(trx, { prefix });
    if (!view) throw new NotFoundError(`prefix: there is no API key "${prefix}" (storebridge api-keys list)`);
    if (revoked)
      await auditManagement(trx, by, `api key ${prefix}`, { revokeKey: { prefix, user: view.user } });
    return view;
  });
}
