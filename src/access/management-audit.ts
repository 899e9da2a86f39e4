import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

/**
 * Who manages users: an admin through the API (an Actor), or whoever runs the CLI on the machine
 * that holds the database ('local'): that person owns the store, which is how the first admin
 * is made (docs/access.md "Bootstrap").
 */
export type Manager = Actor | 'local';

/**
 * Keeps a change to users or keys in the audit log beside the outbound actions (action
 * `users.manage`), in the caller's transaction. A local change has no user: it is logged under
 * the operating-system account that ran the command.
 */
export async function auditManagement(
  db: Kysely<Database>,
  by: Manager,
  target: string,
  request: unknown,
): Promise<void> {
  if (by !== 'local') {
    await recordAudit(db, { actor: by, action: 'users.manage', target, request, outcome: 'succeeded' });
    return;
  }
  await db
    .insertInto('audit_log')
    .values({
      user_id: null,
      user_name: `local:${localAccount()}`,
      role: 'local',
      via: 'cli',
      action: 'users.manage',
      target,
      request: JSON.stringify(request),
      outcome: 'succeeded',
    })
    .execute();
}

function localAccount(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
