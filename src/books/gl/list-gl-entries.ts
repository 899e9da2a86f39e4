import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { formatMoney, money, type Money } from '../../money/index.ts';

export interface GlEntry {
  id: number;
  shopCode: string;
  postingDate: string;
  documentType: string;
  documentNo: string;
  lineNo: number;
  accountNo: string;
  description: string;
  /** Local currency. */
  debit: Money;
  credit: Money;
  /** The document's amount the entry comes from, signed (debit +), in the document's currency. */
  source: Money;
  createdAt: string;
}

export interface GlEntryFilter {
  shopCode: string;
  /** One document's entries, by its no. */
  documentNo?: string | undefined;
  accountNo?: string | undefined;
}

/** A shop's G/L entries in the order they were posted (each posting's lines in order). */
export async function listGlEntries(db: Kysely<Database>, filter: GlEntryFilter): Promise<GlEntry[]> {
  let query = db.selectFrom('gl_entries').selectAll().where('shop_code', '=', filter.shopCode);
  if (filter.documentNo !== undefined) query = query.where('document_no', '=', filter.documentNo);
  if (filter.accountNo !== undefined) query = query.where('account_no', '=', filter.accountNo);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    shopCode: row.shop_code,
    postingDate: row.posting_date,
    documentType: row.document_type,
    documentNo: row.document_no,
    lineNo: row.line_no,
    accountNo: row.account_no,
    description: row.description,
    debit: money(row.debit_minor, row.currency),
    credit: money(row.credit_minor, row.currency),
    source: money(row.source_amount_minor, row.source_currency),
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** The entry for the CLI and the API: money as decimal strings with the currency's exponent. */
export function glEntryJson(entry: GlEntry) {
  return {
    id: entry.id,
    shopCode: entry.shopCode,
    postingDate: entry.postingDate,
    documentType: entry.documentType,
    documentNo: entry.documentNo,
    lineNo: entry.lineNo,
    accountNo: entry.accountNo,
    description: entry.description,
    debit: formatMoney(entry.debit),
    credit: formatMoney(entry.credit),
    currency: entry.debit.currency,
    sourceAmount: formatMoney(entry.source),
    sourceCurrency: entry.source.currency,
  };
}

export type GlEntryJson = ReturnType<typeof glEntryJson>;
