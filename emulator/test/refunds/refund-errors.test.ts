/** Refund input Shopify refuses, one row per rule; nothing is written (seed 003). */
import { describe, expect, it } from 'vitest';
import {
  calculateRefund,
  createRefund,
  UserErrors,
  type Order,
  type RefundInput,
  type RestOrderInput,
} from '../../src/domain/index.ts';
import { aLine, anOrder, aShop, shipEverything, type TestShop } from '../support/builders.ts';

const line = (order: Order, index = 0) => order.lineItems[index]!.id;

interface ErrorRow {
  name: string;
  order: Partial<RestOrderInput>;
  before?: (shop: TestShop, order: Order) => void;
  refund: (order: Order) => RefundInput;
  command: 'calculate' | 'create' | 'create-rest';
  message: string;
}

const errorRows: ErrorRow[] = [
  {
    name: 'more units than were purchased',
    order: {},
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 2 }] }),
    command: 'calculate',
    message: 'Quantity cannot refund more items than were purchased',
  },
  {
    name: 'more units than are still refundable',
    order: { line_items: [aLine({ quantity: 2 })] },
    before: (shop, order) =>
      createRefund(shop.state, order.id, { refundLineItems: [{ lineItemId: line(order), quantity: 2 }] }),
    refund: (order) => ({ refundLineItems: [{ lineItemId: line(order), quantity: 1 }] }),
    command: 'calculate',
    message: 'Quantity cannot refund more than refundable quantity',
  },
  {
    name: 'more shipping than remains',
    order: { shipping_lines: [{ title: 'Std', price: '5.00' }] },
    refund: () => ({ shipping: { amount: '5.01' } }),
    command: 'calculate',
    message: 'Shipping amount cannot be greater than the refundable shipping amount',
  },
  {
    name: 'a refund transaction above what the sale can give back',
    order: {},
    refund: (order) => ({
      transactions: [{ parentId: order.transactions[0]!.id, amount: '10.01', kind: 'refund' }],
    }),
    command: 'create',
    message: 'Amount cannot exceed sales cap',
  },
  {
    name: 'a suggested_refund kind sent back unchanged',
    order: {},
    refund: (order) => ({
      transactions: [{ parentId: order.transactions[0]!.id, amount: '1.00', kind: 'suggested_refund' }],
    }),
    command: 'create',
    message: 'Kind is not included in the list',
  },
  {
    name: 'return restock without a location at create',
    order: {},
    before: (shop, order) => shipEverything(shop, order),
    refund: (order) => ({
      refundLineItems: [{ lineItemId: line(order), quantity: 1, restockType: 'return', locationId: null }],
    }),
    command: 'create-rest',
    message: 'Location is required when restock type is return or cancel',
  },
];

describe('refund errors (nothing is written)', () => {
  it.each(errorRows)('$name -> "$message"', ({ order: orderInput, before, refund, command, message }) => {
    const shop = aShop();
    const order = anOrder(shop, orderInput);
    before?.(shop, order);
    const refundsBefore = order.refunds.length;
    const transactionsBefore = order.transactions.length;
    const run = () =>
      command === 'calculate'
        ? calculateRefund(shop.state, order.id, refund(order))
        : createRefund(shop.state, order.id, refund(order), { suggestLocations: command === 'create' });
    expect(run).toThrow(UserErrors);
    try {
      run();
    } catch (error) {
      expect((error as UserErrors).errors.map((item) => item.message)).toContain(message);
    }
    expect(order.refunds).toHaveLength(refundsBefore);
    expect(order.transactions).toHaveLength(transactionsBefore);
  });
});
