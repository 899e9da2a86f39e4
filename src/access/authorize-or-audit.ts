import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import { authorize } from './authorize.ts';

/**
 * `authorize`, with a refusal written to the audit log (outcome `refused`) before it is thrown:
 * how every use case acting for a user starts. `answerOf` puts the refusal into the entry's
 * `shopifyAnswer` (Default: the entry's own, usually none).
 */
export async function authorizeOrAudit(
  db: Kysely<Database>,
  entry: Omit<AuditEntry, 'outcome'>,
  answerOf?: (refusal: Error) => unknown,
): Promise<void> {
  try {
    authorize(entry.actor, entry.action);
  } catch (error) {
    await recordAudit(db, {
      ...entry,
      outcome: 'refused',
      ...(answerOf && { shopifyAnswer: answerOf(error as Error) }),
    });
    throw error;
  }
}
