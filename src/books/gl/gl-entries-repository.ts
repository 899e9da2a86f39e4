import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PostingLine } from '../../rules/posting.ts';
import { AppError } from '../../shared/errors.ts';

/** One document's posting, ready to write. */
export interface GlPosting {
  shopCode: string;
  postingDate: string;
  documentType: string;
  documentNo: string;
  lines: readonly PostingLine[];
}

/** A posting whose debits and credits differ: a bug in the rules, never written. */
export class UnbalancedPostingError extends AppError {
  readonly code = 'unbalanced_posting';
  readonly retryable = false;
}

/** Rows per statement; a posting is never split (the database checks balance per statement). */
const rowsPerStatement = 500;

/**
 * Appends the entries of many postings, whole postings per statement (an import batch is one
 * statement). Each posting is checked to balance first; the database checks again (0005).
 */
export async function insertGlEntries(trx: Kysely<Database>, postings: readonly GlPosting[]): Promise<void> {
  const batches: GlPosting[][] = [];
  let rows = rowsPerStatement;
  for (const entry of postings) {
    if (entry.lines.length === 0) continue;
    assertBalanced(entry);
    if (rows + entry.lines.length > rowsPerStatement) {
      batches.push([]);
      rows = 0;
    }
    batches.at(-1)!.push(entry);
    rows += entry.lines.length;
  }
  for (const batch of batches)
    await trx
      .insertInto('gl_entries')
      .values(batch.flatMap((entry) => entry.lines.map((line) => entryRow(entry, line))))
      .execute();
}

function assertBalanced(entry: GlPosting): void {
  const debit = entry.lines.reduce((a, l) => a + l.debit.minor, 0);
  const credit = entry.lines.reduce((a, l) => a + l.credit.minor, 0);
  if (debit !== credit)
    throw new UnbalancedPostingError(
      `Posting of ${entry.documentType} ${entry.documentNo} does not balance: debit ${debit}, credit ${credit}`,
    );
}

function entryRow(entry: GlPosting, line: PostingLine) {
  return {
    shop_code: entry.shopCode,
    posting_date: entry.postingDate,
    document_type: entry.documentType,
    document_no: entry.documentNo,
    line_no: line.lineNo,
    account_no: line.accountNo,
    description: line.description,
    debit_minor: line.debit.minor,
    credit_minor: line.credit.minor,
    currency: line.debit.currency,
    source_currency: line.source.currency,
    source_amount_minor: line.source.minor,
  };
}
