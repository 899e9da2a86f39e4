import {
  isPosted,
  posting,
  type PostingDocument,
  type PostingLine,
  type PostingSettings,
} from '../../rules/posting.ts';
import type { BooksDocument } from '../documents/sales-document.ts';

/** The fields of a document posting reads (a draft before it has a number, or a stored document). */
export type DocumentToPost = Pick<
  BooksDocument,
  | 'type'
  | 'shopifyOrderName'
  | 'shopifyRefundId'
  | 'currency'
  | 'exchangeRate'
  | 'lines'
  | 'amountIncludingTax'
  | 'paidFromAccount'
>;

export type DocumentPosting =
  | { ok: true; lines: PostingLine[] }
  | { ok: false; error: { code: 'account_not_set' | 'exchange_rate_missing'; message: string } };

/**
 * The G/L lines of a document (rules/posting.ts), or the refusal naming the setting to fix.
 * Documents that are not posted (sales orders, sales order changes, inventory adjustments) have none.
 */
export function postDocument(document: DocumentToPost, settings: PostingSettings): DocumentPosting {
  if (!isPosted(document.type)) return { ok: true, lines: [] };
  const outcome = posting(postingDocument(document), settings);
  if (!outcome.ok) return { ok: false, error: { code: outcome.error.code, message: outcome.error.message } };
  return outcome;
}

function postingDocument(document: DocumentToPost): PostingDocument {
  const reference =
    document.shopifyRefundId === null
      ? `Order ${document.shopifyOrderName}`
      : `Refund ${document.shopifyRefundId} of ${document.shopifyOrderName}`;
  const header = { reference, currency: document.currency, exchangeRate: document.exchangeRate };
  if (document.type === 'customer_refund')
    return {
      ...header,
      type: 'customer_refund',
      amount: document.amountIncludingTax,
      payFromAccount: document.paidFromAccount!,
    };
  return {
    ...header,
    type: document.type as Exclude<PostingDocument['type'], 'customer_refund'>,
    lines: document.lines,
  };
}
