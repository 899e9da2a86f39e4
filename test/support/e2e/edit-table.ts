import type { Merchant, PlacedOrder } from './merchant.ts';
import type { OrderSpec } from './order-spec.ts';

/**
 * seed 002 "Effect of order editing", the "In Shopify" table: one row per edit, with the order it
 * starts from and the edit done through Shopify's API. `conflictsWhenProcessed` is the table's
 * right-hand column: "Connector detects the change and marks the orders".
 */
export interface EditRow {
  edit: string;
  order: OrderSpec;
  act: (merchant: Merchant, order: PlacedOrder) => Promise<void>;
  conflictsWhenProcessed: boolean;
  /** Shopify records a refund of zero amount for the removed units (not convertible to a credit memo). */
  zeroAmountRefund: boolean;
}

export const editTable: EditRow[] = [
  {
    edit: 'change the fulfilment location',
    order: {},
    act: (merchant, order) => merchant.moveFulfilment(order, 'Store'),
    conflictsWhenProcessed: false,
    zeroAmountRefund: false,
  },
  {
    edit: 'increase a quantity',
    order: {},
    act: (merchant, order) => merchant.editOrder(order, { setQuantity: [{ sku: 'SB-MUG', quantity: 3 }] }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: false,
  },
  {
    edit: 'decrease a quantity',
    order: {},
    act: (merchant, order) => merchant.editOrder(order, { setQuantity: [{ sku: 'SB-TEE', quantity: 1 }] }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: true,
  },
  {
    edit: 'remove an item',
    order: {},
    act: (merchant, order) => merchant.editOrder(order, { setQuantity: [{ sku: 'SB-MUG', quantity: 0 }] }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: true,
  },
  {
    edit: 'add an item',
    order: {},
    act: (merchant, order) => merchant.editOrder(order, { add: [{ sku: 'SB-SOCK', quantity: 2 }] }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: false,
  },
  {
    edit: 'process the order: fulfil and update the payment',
    order: { paid: false },
    act: async (merchant, order) => {
      await merchant.markAsPaid(order);
      await merchant.fulfil(order);
    },
    conflictsWhenProcessed: false,
    zeroAmountRefund: false,
  },
  {
    edit: 'cancel a paid order',
    order: { paid: true },
    act: (merchant, order) => merchant.cancel(order, { refund: true, restock: true }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: false,
  },
  {
    edit: 'cancel an unpaid order',
    order: { paid: false },
    act: (merchant, order) => merchant.cancel(order, { refund: false, restock: true }),
    conflictsWhenProcessed: true,
    zeroAmountRefund: true,
  },
];
