import { afterEach, describe, expect, it } from 'vitest';
import { itemNo, itemQuantities } from '../support/e2e/documents.ts';
import { editTable } from '../support/e2e/edit-table.ts';
import type { PlacedOrder } from '../support/e2e/merchant.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';
import type { MirroredOrder, SalesDocument } from '../support/e2e/storebridge.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

interface Seen {
  documents: SalesDocument[];
  order: MirroredOrder;
}

const TEE = itemNo['SB-TEE'];
const MUG = itemNo['SB-MUG'];

/** seed 002, left column ("not yet processed"): what the documents made after the edit hold. */
const expected: Record<string, (seen: Seen) => void> = {
  'change the fulfilment location': ({ documents }) => {
    // "Fulfillment location is synched": Store is mapped to EAST.
    const lines = documents[0]?.lines.filter((line) => line.type === 'item') ?? [];
    expect(lines.map((line) => line.locationCode)).toEqual(['EAST', 'EAST']);
  },
  'increase a quantity': ({ documents }) => {
    expect(itemQuantities(documents[0])).toEqual([
      [TEE, 2],
      [MUG, 3],
    ]);
  },
  'decrease a quantity': ({ documents }) => {
    expect(itemQuantities(documents[0])).toEqual([
      [TEE, 1],
      [MUG, 1],
    ]);
  },
  'remove an item': ({ documents }) => {
    expect(itemQuantities(documents[0])).toEqual([[TEE, 2]]);
  },
  'add an item': ({ documents }) => {
    expect(itemQuantities(documents[0])).toEqual([
      [TEE, 2],
      [MUG, 1],
      [itemNo['SB-SOCK'], 2],
    ]);
  },
  'process the order: fulfil and update the payment': ({ documents, order }) => {
    // "Order header is updated": paid and fulfilled, so the document is a sales invoice.
    expect(order).toMatchObject({ financialStatus: 'paid', fulfillmentStatus: 'fulfilled' });
    expect(documents.map((document) => document.type)).toEqual(['sales_invoice']);
  },
  'cancel a paid order': ({ order, documents }) => {
    // "Order header is updated, to be processed separately": everything was paid back, so there
    // is nothing left to sell and no sales document (src/rules/cancelled-order.ts).
    expect(order).toMatchObject({ financialStatus: 'refunded', cancelledAt: expect.any(String) });
    expect(documents).toEqual([]);
  },
  'cancel an unpaid order': ({ documents }) => {
    // "Removed item isn't imported."
    expect(documents.flatMap((document) => itemQuantities(document))).toEqual([]);
  },
};

describe('an order edited in Shopify before its documents exist: the import takes the new state (seed 002)', () => {
  it.each(editTable)('$edit', async (row) => {
    scenario = await openScenario({ shop: { autoCreateDocuments: false, autoReleaseSalesOrders: false } });
    const order = await scenario.merchant.placeOrder(row.order);
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.documents(order.id)).toEqual([]);

    await row.act(scenario.merchant, order);
    await scenario.setShop({ autoCreateDocuments: true });
    await scenario.storebridge.syncOrders();

    const seen = await look(scenario, order);
    expect(seen.order).toMatchObject({ conflict: false });
    expected[row.edit]!(seen);
    if (row.zeroAmountRefund) expectZeroRefundNotConvertible(seen.order);
  });
});

async function look(scenario: Scenario, order: PlacedOrder): Promise<Seen> {
  return {
    documents: await scenario.storebridge.documents(order.id),
    order: await scenario.storebridge.order(order.id),
  };
}

/** seed 002: "A Shopify refund with zero amount is imported that can't be converted to a credit memo." */
function expectZeroRefundNotConvertible(order: MirroredOrder): void {
  const zero = order.refunds.filter((refund) => Number(refund.amountMinor) === 0);
  expect(zero.length).toBeGreaterThan(0);
  expect(zero.map((refund) => refund.convertibleToCreditMemo)).toEqual(zero.map(() => false));
}
