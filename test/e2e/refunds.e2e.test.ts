import { afterEach, describe, expect, it } from 'vitest';
import { itemNo } from '../support/e2e/documents.ts';
import { autoCreditMemos, openScenario, type Scenario } from '../support/e2e/scenario.ts';
import type { GlEntry, SalesDocument, StockLevel } from '../support/e2e/storebridge.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** Every document's postings balance: debits = credits, to the cent. */
function expectBalanced(entries: GlEntry[]): void {
  const byDocument = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.documentType} ${entry.documentNo}`;
    byDocument.set(key, (byDocument.get(key) ?? 0) + cents(entry.debit) - cents(entry.credit));
  }
  for (const [document, balance] of byDocument)
    expect({ document, balance }).toEqual({ document, balance: 0 });
}

function onHand(stock: StockLevel[], item: string, location: string): number {
  return Number(stock.find((level) => level.itemNo === item && level.locationCode === location)?.onHand ?? 0);
}

function ofType(documents: SalesDocument[], type: string): SalesDocument[] {
  return documents.filter((document) => document.type === type);
}

describe('a refund made in Shopify becomes documents, G/L entries and stock movements (issue 6)', () => {
  it('a restocked return of a shipped order: credit memo with the item back, a paid customer refund, stock back, books balanced, once', async () => {
    scenario = await openScenario({ shop: autoCreditMemos });
    const { merchant, storebridge } = scenario;
    const order = await merchant.placeOrder();
    await merchant.fulfil(order);
    await storebridge.syncOrders();
    const before = await storebridge.stock();

    const refund = await merchant.refund(order, {
      lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'return' }],
    });
    await storebridge.syncOrders();

    const documents = await storebridge.documents(order.id);
    const [invoice] = ofType(documents, 'sales_invoice');
    const [creditMemo] = ofType(documents, 'credit_memo');
    expect(creditMemo).toMatchObject({ shopifyRefundId: refund.id, appliesTo: invoice?.number });
    expect(creditMemo?.lines).toContainEqual(
      expect.objectContaining({ type: 'item', no: itemNo['SB-TEE'], quantity: 1, amount: '25.00' }),
    );
    const [customerRefund] = ofType(documents, 'customer_refund');
    expect(customerRefund).toMatchObject({ status: 'paid', appliesTo: invoice?.number });
    expect(customerRefund?.amountIncludingTax).toBe(creditMemo?.amountIncludingTax);
    expect(await storebridge.refunds(order.id)).toMatchObject([
      { shopifyRefundId: refund.id, status: 'processed' },
    ]);

    const returnLocation = creditMemo?.lines.find((line) => line.type === 'item')?.locationCode ?? '';
    const after = await storebridge.stock();
    expect(onHand(after, itemNo['SB-TEE'], returnLocation)).toBe(
      onHand(before, itemNo['SB-TEE'], returnLocation) + 1,
    );
    expectBalanced(await storebridge.gl());
    // The credit memo posted: sales debited, receivable credited (the demo order carries no tax).
    const creditMemoEntries = await storebridge.gl(creditMemo?.number ?? '');
    expect(creditMemoEntries.map(({ accountNo, debit, credit }) => ({ accountNo, debit, credit }))).toEqual(
      expect.arrayContaining([
        { accountNo: '4000', debit: '25.00', credit: '0.00' },
        { accountNo: '1200', debit: '0.00', credit: '25.00' },
      ]),
    );
    expect(await storebridge.gl(customerRefund?.number ?? '')).toHaveLength(2);

    // A second sync of the same refund books nothing new (idempotent).
    await storebridge.syncOrders();
    expect(await storebridge.documents(order.id)).toHaveLength(documents.length);
  });

  it('a refund without restock credits the non-restock account and moves no stock', async () => {
    scenario = await openScenario({ shop: autoCreditMemos });
    const { merchant, storebridge } = scenario;
    const order = await merchant.placeOrder();
    await merchant.fulfil(order);
    await storebridge.syncOrders();
    const before = await storebridge.stock();

    await merchant.refund(order, { lines: [{ sku: 'SB-MUG', quantity: 1, restock: 'no_restock' }] });
    await storebridge.syncOrders();

    const [creditMemo] = ofType(await storebridge.documents(order.id), 'credit_memo');
    expect(creditMemo?.lines.filter((line) => line.type === 'item')).toEqual([]);
    expect(creditMemo?.lines).toContainEqual(
      expect.objectContaining({ type: 'gl_account', amount: '12.50' }),
    );
    expect(await storebridge.stock()).toEqual(before);
    expectBalanced(await storebridge.gl());
  });

  it('a refund of an order not shipped yet reduces the sales order instead of crediting an invoice', async () => {
    scenario = await openScenario({ shop: autoCreditMemos });
    const { merchant, storebridge } = scenario;
    const order = await merchant.placeOrder();
    await storebridge.syncOrders();

    await merchant.refund(order, { lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'cancel' }] });
    await storebridge.syncOrders();

    const documents = await storebridge.documents(order.id);
    expect(ofType(documents, 'credit_memo')).toEqual([]);
    const [salesOrder] = ofType(documents, 'sales_order');
    expect(salesOrder?.lines.find((line) => line.no === itemNo['SB-TEE'])).toMatchObject({ quantity: 1 });
    expect(await storebridge.refunds(order.id)).toMatchObject([{ status: 'processed' }]);
  });
});
