import { AppError } from '../../shared/errors.ts';

/** Shopify would refuse to cancel the order (seed 001: not once fulfilled); nothing was sent. */
export class OrderNotCancellableError extends AppError {
  readonly code = 'order_not_cancellable';
  readonly retryable = false;
  constructor(
    message: string,
    readonly reasons: readonly string[],
  ) {
    super(message);
  }
}

/** seed 002 "Mark as Paid": only an order still waiting for (part of) its payment; nothing was sent. */
export class OrderNotPendingPaymentError extends AppError {
  readonly code = 'order_not_pending_payment';
  readonly retryable = false;
}
