import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { ConflictError, ValidationError } from '../shared/errors.ts';
import { apiKeyViews, type ApiKeyView } from './api-key-views.ts';
import { generateApiKey } from './api-keys.ts';
import { auditManagement, type Manager } from './management-audit.ts';
import { findUser } from './users.ts';

export interface CreateApiKeyInput {
  user: string;
  /** What the key is for, e.g. `support laptop` (Default: none). */
  label?: string | undefined;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The whole key: this answer is the only place it ever appears (only its SHA-256 is kept). */
  key: string;
}

const maxLabelLength = 200;

/** A new API key for an enabled user. */
export async function createApiKey(
  db: Kysely<Database>,
  input: CreateApiKeyInput,
  by: Manager,
): Promise<CreatedApiKey> {
  const label = input.label?.trim() || null;
  if (label !== null && label.length > maxLabelLength)
    throw new ValidationError(`label: at most ${maxLabelLength} characters`, [
      { path: 'label', message: `at most ${maxLabelLength} characters` },
    ]);
  return db.transaction().execute(async (trx) => {
    const user = await findUser(trx, input.user, 'user');
    if (user.disabledAt !== null)
      throw new ConflictError(`user: "${user.name}" is disabled; a key of theirs would not work`);
    const made = generateApiKey();
    await trx
      .insertInto('api_keys')
      .values({ user_id: user.id, prefix: made.prefix, key_hash: made.keyHash, label })
      .execute();
    await auditManagement(trx, by, `api key ${made.prefix}`, { createKey: { user: user.name, label } });
    const [view] = await apiKeyViews(trx, { prefix: made.prefix });
    return { ...view!, key: made.key };
  });
}
