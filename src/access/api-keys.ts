import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { UnauthenticatedError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { isRole } from './roles.ts';

/** `sbk_` and 32 random bytes: long enough that a plain SHA-256 at rest is safe (no salt, no KDF). */
const keyPattern = /^sbk_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  prefix: string;
  keyHash: string;
}

export function generateApiKey(): NewApiKey {
  const key = `sbk_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The user an API key belongs to, or an UnauthenticatedError that does not say which part was
 * wrong (unknown, revoked, or the user disabled): a guesser learns nothing.
 */
export async function actorForApiKey(db: Kysely<Database>, key: string, via: Actor['via']): Promise<Actor> {
  const refused = new UnauthenticatedError(
    'The API key is not valid (unknown, revoked, or its user is disabled)',
  );
  if (!keyPattern.test(key)) throw refused;
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.user_id')
    .select([
      'api_keys.id as keyId',
      'users.id as userId',
      'users.name',
      'users.role',
      'api_keys.last_used_at',
    ])
    .where('api_keys.key_hash', '=', hashApiKey(key))
    .where('api_keys.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) throw refused;
  await noteUse(db, row.keyId, row.last_used_at);
  return { userId: row.userId, userName: row.name, role: row.role, via };
}

/** Last use is kept to the minute: a write per request would cost more than it tells. */
async function noteUse(db: Kysely<Database>, keyId: number, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - new Date(lastUsedAt).getTime() < 60_000) return;
  await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', keyId).execute();
}
