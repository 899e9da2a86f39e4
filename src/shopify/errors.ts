import { AppError } from '../shared/errors.ts';
import type { QueryCost } from './throttle.ts';

/**
 * What can go wrong talking to Shopify, split by what the caller should do about it:
 * retryable errors are waited out and tried again; permanent ones go to the operator.
 */
export class ShopifyThrottledError extends AppError {
  readonly code = 'shopify_throttled';
  readonly retryable = true;
  constructor(
    message: string,
    /** How long Shopify's bucket needs to refill for this request, in ms. */
    readonly retryAfterMs: number,
    /** The bucket as Shopify reported it with the refusal (nothing charged), when it did. */
    readonly cost: QueryCost | null = null,
  ) {
    super(message);
  }
}

/** The shared throttle budget's database could not be reached: wait and try again. */
export class ShopifyBudgetUnavailableError extends AppError {
  readonly code = 'shopify_budget_unavailable';
  readonly retryable = true;
}

export class ShopifyUnavailableError extends AppError {
  readonly code = 'shopify_unavailable';
  readonly retryable = true;
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ShopifyAuthError extends AppError {
  readonly code = 'shopify_unauthorized';
  readonly retryable = false;
}

/** The query itself is wrong (unknown field, bad variable, cost over the 1,000-point cap). */
export class ShopifyQueryError extends AppError {
  readonly code = 'shopify_query_invalid';
  readonly retryable = false;
  constructor(
    message: string,
    readonly errors: readonly ShopifyGraphqlError[],
  ) {
    super(message);
  }
}

export interface ShopifyGraphqlError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Shopify refused a mutation for a business reason (`userErrors`); the message names the fields. */
export class ShopifyUserError extends AppError {
  readonly code = 'shopify_user_error';
  readonly retryable = false;
  constructor(
    message: string,
    readonly userErrors: readonly { field?: readonly string[] | null; message: string }[],
  ) {
    super(message);
  }
}

/** The order is not (or no longer) in Shopify. */
export class ShopifyOrderNotFoundError extends AppError {
  readonly code = 'shopify_order_not_found';
  readonly retryable = false;
}

/** A bulk operation that did not complete (FAILED, CANCELED, EXPIRED) or could not start. */
export class ShopifyBulkOperationError extends AppError {
  readonly code = 'shopify_bulk_operation_failed';
  constructor(
    message: string,
    /** A bulk query already running for this app and shop: wait and try again. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
