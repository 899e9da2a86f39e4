import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { formatMoney } from '../../money/index.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { listGlEntries, type GlEntry } from '../gl/list-gl-entries.ts';
import { listStockMovements } from '../stock/list-stock-movements.ts';
import { documentJson } from './document-json.ts';
import { findDocuments } from './documents-repository.ts';

/**
 * One document with what it caused (issue 9 item 5): its lines, its G/L entries and its stock
 * movements (those whose voucher is this document; a sales order's shipments are vouchers of
 * their own, SHIP-…). A shop's document numbers are unique (number series per type).
 */
export async function showDocument(db: Kysely<Database>, input: { shopCode: string; number: string }) {
  const [document] = await findDocuments(db, { shopCode: input.shopCode, number: input.number });
  if (!document)
    throw new NotFoundError(`Document ${input.number} does not exist in shop "${input.shopCode}"`);
  const postings = await listGlEntries(db, { shopCode: input.shopCode, documentNo: input.number });
  const stockMovements = await listStockMovements(db, { voucherNos: [input.number] });
  const { lines, ...header } = documentJson(document);
  return { document: header, lines, postings: postings.map(postingJson), stockMovements };
}

/** A G/L entry with its amounts in minor units (and as decimal strings, as `gl --json` prints them). */
export function postingJson(entry: GlEntry) {
  return {
    id: entry.id,
    postingDate: entry.postingDate,
    documentType: entry.documentType,
    documentNo: entry.documentNo,
    lineNo: entry.lineNo,
    accountNo: entry.accountNo,
    description: entry.description,
    debitMinor: entry.debit.minor,
    creditMinor: entry.credit.minor,
    currency: entry.debit.currency,
    debit: formatMoney(entry.debit),
    credit: formatMoney(entry.credit),
    sourceAmountMinor: entry.source.minor,
    sourceCurrency: entry.source.currency,
  };
}
