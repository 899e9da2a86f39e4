import { z } from 'zod';
import { backOfficeCode } from './settings-fields.ts';

/**
 * G/L accounts amounts are posted to that have no item (seed 002 "Shopify Shop Card"; seed 000
 * "Refund Pay from account"), and the accounts posting a document needs (DESIGN.md "books/":
 * receivable, revenue, tax, gateway clearing). Each is a G/L account no. that must exist.
 * Default: each unset; a posting that needs an unset one is refused naming it (account_not_set).
 */
export const accountSettings = z.strictObject({
  /** Customers' open amounts: sales invoices and credit memos are posted against it, customer refunds clear it. Default: unset. */
  receivable: backOfficeCode.optional(),
  /** Revenue of item and item charge lines (a G/L account line is posted to its own account). Default: unset. */
  sales: backOfficeCode.optional(),
  /** The tax on sales documents and credit memos. Default: unset. */
  taxPayable: backOfficeCode.optional(),
  /** What a cash sale was paid into (the payment gateway's clearing account, or the till). Default: unset. */
  paymentClearing: backOfficeCode.optional(),
  /** Shipping charges on orders, unless a shipment method mapping names its own. Default: unset. */
  shippingCharges: backOfficeCode.optional(),
  /** Tips. Default: unset. */
  tip: backOfficeCode.optional(),
  /** Gift cards sold, and refunds of them. Default: unset. */
  soldGiftCard: backOfficeCode.optional(),
  /** Refunded amounts not tied to products or gift cards (shipping, manual amounts). Default: unset. */
  refund: backOfficeCode.optional(),
  /** Refunded products that were not restocked, so no stock comes back. Default: unset. */
  refundNonRestockItems: backOfficeCode.optional(),
  /** The bank/cash account customer refunds are paid from (seed 000). Default: unset. */
  refundPayFrom: backOfficeCode.optional(),
  /** Differences from cash rounding on POS payments. Default: unset. */
  cashRounding: backOfficeCode.optional(),
});

/** How Shopify refunds and returns reach the books. */
export const returnSettings = {
  /**
   * seed 002: "none" ignores returns and refunds; "import_only" imports them for a person to
   * credit; "auto_create_credit_memo" also creates the credit memos. Default "none".
   */
  returnsAndRefundsMode: z.enum(['none', 'import_only', 'auto_create_credit_memo']).default('none'),
  /** Create a paid customer refund, linked to the sale, for each imported refund (seed 000). Default false. */
  createCustomerRefunds: z.boolean().default(false),
  /** Location restocked items return to; may stay blank (seed 002). Default: unset. */
  defaultReturnLocation: backOfficeCode.optional(),
  /**
   * "default_return_location" always uses defaultReturnLocation; "original_then_default" uses
   * the location on the Shopify refund/return and falls back to it (seed 002). Default
   * "default_return_location".
   */
  returnLocationPriority: z
    .enum(['default_return_location', 'original_then_default'])
    .default('default_return_location'),
  /** G/L accounts for charges, gift cards and refunds. Default: all unset. */
  accounts: accountSettings.default({}),
};
