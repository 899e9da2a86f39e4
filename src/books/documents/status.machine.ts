import { AppError } from '../../shared/errors.ts';
import type { BooksDocumentType } from './sales-document.ts';

/**
 * Document statuses as data (STYLE.md, Vendure): each status lists where it may go. A sales
 * order is released to reserve stock (seed 002 "Auto Release Sales Order", seed 004 4.1
 * "Released: order allocated but not fulfilled") and reopened to change it; it is never posted.
 * Invoices, cash sales and credit memos are posted when they are written (style guide: posted
 * documents never change, corrections are new documents), an inventory credit memo and an
 * inventory adjustment post stock only. A customer refund is written paid (seed 000 "Status:
 * Paid"); a sales order change is applied to its sales order when it is written.
 */
export const documentStatus = {
  sales_order: { open: ['released'], released: ['open'] },
  sales_invoice: { open: ['posted'], posted: [] },
  cash_sale: { open: ['posted'], posted: [] },
  credit_memo: { posted: [] },
  inventory_credit_memo: { posted: [] },
  customer_refund: { paid: [] },
  sales_order_change: { applied: [] },
  inventory_adjustment: { posted: [] },
} as const satisfies Record<BooksDocumentType, Record<string, readonly string[]>>;

export type DocumentStatus = {
  [T in BooksDocumentType]: keyof (typeof documentStatus)[T];
}[BooksDocumentType];

export class IllegalStatusTransitionError extends AppError {
  readonly code = 'illegal_status_transition';
  readonly retryable = false;
}

/** The status after the move, or a typed error naming the document and both statuses. */
export function transition(
  type: BooksDocumentType,
  from: string,
  to: string,
  number = '(new)',
): DocumentStatus {
  const allowed = (documentStatus[type] as Record<string, readonly string[]>)[from];
  if (!allowed?.includes(to))
    throw new IllegalStatusTransitionError(`Document ${number} (${type}) cannot go from ${from} to ${to}`);
  return to as DocumentStatus;
}
