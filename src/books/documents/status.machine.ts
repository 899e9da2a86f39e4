import { AppError } from '../../shared/errors.ts';
import type { DocumentType } from '../../rules/sales-document.ts';

/**
 * Document statuses as data (STYLE.md, Vendure): each status lists where it may go. A sales
 * order is released to reserve stock (seed 002 "Auto Release Sales Order", seed 004 4.1
 * "Released: order allocated but not fulfilled") and reopened to change it. Shipping, invoicing
 * and posting are the next issue (refunds & books); they add their statuses here.
 */
export const documentStatus = {
  sales_order: { open: ['released'], released: ['open'] },
  sales_invoice: { open: [] },
  cash_sale: { open: [] },
} as const satisfies Record<DocumentType, Record<string, readonly string[]>>;

export type DocumentStatus = {
  [T in DocumentType]: keyof (typeof documentStatus)[T];
}[DocumentType];

export class IllegalStatusTransitionError extends AppError {
  readonly code = 'illegal_status_transition';
  readonly retryable = false;
}

/** The status after the move, or a typed error naming the document and both statuses. */
export function transition(type: DocumentType, from: string, to: string, number = '(new)'): DocumentStatus {
  const allowed = (documentStatus[type] as Record<string, readonly string[]>)[from];
  if (!allowed?.includes(to))
    throw new IllegalStatusTransitionError(`Document ${number} (${type}) cannot go from ${from} to ${to}`);
  return to as DocumentStatus;
}
