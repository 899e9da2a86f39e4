import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { UnauthenticatedError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { hashApiKey } from './api-keys.ts';
import { verifyNothing, verifyPassword } from './password-hash.ts';
import { isRole } from './roles.ts';

/** How long a sign-in lasts; the cookie's Max-Age says the same. Fixed, not sliding: a day's work. */
export const sessionHours = 12;
export const sessionCookieName = 'storebridge_session';

const tokenPattern = /^sbs_[A-Za-z0-9_-]{43}$/;

/**
 * Every way a sign-in can fail answers the same (HTTP 401): unknown user, wrong password, no
 * password set, user disabled. A guesser cannot tell which, so user names cannot be probed.
 */
export class SignInFailedError extends UnauthenticatedError {
  override readonly code = 'sign_in_failed';
  constructor() {
    super('name or password is wrong');
  }
}

export interface NewSession {
  /** The cookie's value: given to the browser once, only its SHA-256 is kept. */
  token: string;
  actor: Actor;
  expiresAt: Date;
}

/** Checks name and password and opens a session for the web UI. */
export async function signIn(
  db: Kysely<Database>,
  input: { name: string; password: string },
  now = new Date(),
): Promise<NewSession> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'password_hash', 'disabled_at'])
    .where('name', '=', input.name)
    .executeTakeFirst();
  const matches =
    user?.password_hash != null
      ? await verifyPassword(input.password, user.password_hash)
      : await verifyNothing(input.password);
  if (!user || !matches || user.disabled_at !== null || !isRole(user.role)) throw new SignInFailedError();
  const token = `sbs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashApiKey(token), user_id: user.id, expires_at: expiresAt, last_seen_at: now })
    .execute();
  return {
    token,
    expiresAt,
    actor: { userId: Number(user.id), userName: user.name, role: user.role, via: 'ui' },
  };
}

/**
 * The user a session cookie belongs to, or undefined when the session is unknown, expired or
 * ended, or its user is disabled (checked on every request, so disabling takes effect at once).
 */
export async function actorForSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Actor | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'users.id as userId',
      'users.name',
      'users.role',
      'sessions.last_seen_at',
    ])
    .where('sessions.token_hash', '=', hashApiKey(token))
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return undefined;
  // Kept to the minute: a write per request would cost more than it tells.
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= 60_000)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  return { userId: Number(row.userId), userName: row.name, role: row.role, via: 'ui' };
}

/** Ends the session (sign out). Unknown tokens are ignored: signing out twice is fine. */
export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashApiKey(token)).execute();
}

/** Ends a user's sessions, but the one given (a new password signs the other browsers out). */
export async function endSessionsOf(
  db: Kysely<Database>,
  userId: number,
  exceptToken?: string | undefined,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken !== undefined) query = query.where('token_hash', '!=', hashApiKey(exceptToken));
  await query.execute();
}
