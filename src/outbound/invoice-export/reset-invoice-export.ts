import type { Kysely } from 'kysely';
import { authorizeOrAudit, recordAudit, type Actor } from '../../access/index.ts';
import { resetInvoiceExport as resetState } from '../../books/index.ts';
import type { Database } from '../../db/index.ts';
import type { ExportState } from '../../rules/invoice-export.ts';

/**
 * seed 002: "replace -1 and -2 with 0 to retry the export" (`storebridge invoices reset-export
 * --document <no>`). The next export run decides the invoice again; a draft order made before a
 * failure is completed rather than made twice. Audited with the state it had.
 */
export async function resetInvoiceExport(
  deps: { db: Kysely<Database> },
  actor: Actor,
  input: { documentNo: string },
): Promise<{ documentNo: string; shopCode: string; previous: ExportState }> {
  const request = { document: input.documentNo };
  await authorizeOrAudit(deps.db, {
    actor,
    action: 'invoices.export',
    target: `invoice ${input.documentNo}`,
    request,
  });
  return deps.db.transaction().execute(async (trx) => {
    const { shopCode, previous } = await resetState(trx, input.documentNo);
    await recordAudit(trx, {
      actor,
      action: 'invoices.export',
      shopCode,
      target: `invoice ${input.documentNo}`,
      request: { ...request, reset: previous },
      outcome: 'succeeded',
    });
    return { documentNo: input.documentNo, shopCode, previous };
  });
}
