import type { CatalogueEntry } from './settings-catalogue-types.ts';

/** The shop card's "Returns and refunds" section: label, help and master data of each setting. */
export const returnsCatalogue: Record<string, CatalogueEntry> = {
  'accounts.receivable': {
    group: 'returns',
    label: 'Receivable account',
    help: "Customers' open amounts: sales invoices and credit memos are posted against it, customer refunds clear it. Default: unset.",
    reference: 'gl_account',
  },
  'accounts.sales': {
    group: 'returns',
    label: 'Sales account',
    help: 'Revenue of item and item charge lines (a G/L account line is posted to its own account). Default: unset.',
    reference: 'gl_account',
  },
  'accounts.taxPayable': {
    group: 'returns',
    label: 'Tax payable account',
    help: 'The tax on sales documents and credit memos. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.paymentClearing': {
    group: 'returns',
    label: 'Payment clearing account',
    help: "What a cash sale was paid into (the payment gateway's clearing account, or the till). Default: unset.",
    reference: 'gl_account',
  },
  'accounts.shippingCharges': {
    group: 'returns',
    label: 'Shipping charges account',
    help: 'Shipping charges on orders, unless a shipment method mapping names its own. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.tip': {
    group: 'returns',
    label: 'Tip account',
    help: 'Tips. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.soldGiftCard': {
    group: 'returns',
    label: 'Sold gift card account',
    help: 'Gift cards sold, and refunds of them. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refund': {
    group: 'returns',
    label: 'Refund account',
    help: 'Refunded amounts not tied to products or gift cards (shipping, manual amounts). Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refundNonRestockItems': {
    group: 'returns',
    label: 'Refund account for non-restocked items',
    help: 'Refunded products that were not restocked, so no stock comes back. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.refundPayFrom': {
    group: 'returns',
    label: 'Refund pay-from account',
    help: 'The bank/cash account customer refunds are paid from. Default: unset.',
    reference: 'gl_account',
  },
  'accounts.cashRounding': {
    group: 'returns',
    label: 'Cash rounding account',
    help: 'Differences from cash rounding on POS payments. Default: unset.',
    reference: 'gl_account',
  },
  returnsAndRefundsMode: {
    group: 'returns',
    label: 'Returns and refunds',
    help: '"none" ignores returns and refunds; "import_only" imports them for a person to credit; "auto_create_credit_memo" also creates the credit memos. Default "none".',
  },
  createCustomerRefunds: {
    group: 'returns',
    label: 'Create customer refunds',
    help: 'Create a paid customer refund, linked to the sale, for each imported refund. Default false.',
  },
  defaultReturnLocation: {
    group: 'returns',
    label: 'Default return location',
    help: 'Location restocked items return to; may stay blank. Default: unset.',
    reference: 'location',
  },
  returnLocationPriority: {
    group: 'returns',
    label: 'Return location priority',
    help: '"default_return_location" always uses defaultReturnLocation; "original_then_default" uses the location on the Shopify refund/return and falls back to it. Default "default_return_location".',
  },
};
