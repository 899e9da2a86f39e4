import { afterEach, describe, expect, it } from 'vitest';
import { itemNo, itemQuantities, onlyDocument } from '../support/e2e/documents.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

describe('an order placed in Shopify becomes a sales document (seed 002 "Create sales documents")', () => {
  it('an unfulfilled order becomes a sales order: items by SKU, shipping per mapping, location per mapping', async () => {
    scenario = await openScenario({
      shop: { autoReleaseSalesOrders: false, shopifyOrderNoOnDocumentLine: true },
    });
    const order = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();

    const document = onlyDocument(await scenario.storebridge.documents(order.id));
    expect(document).toMatchObject({
      type: 'sales_order',
      status: 'open',
      shopCode: 'WEB',
      shopifyOrderId: order.id,
      shopifyOrderName: order.name,
      customerNo: 'C0001',
      currency: 'USD',
      amountIncludingTax: '67.50',
    });
    expect(itemQuantities(document)).toEqual([
      [itemNo['SB-TEE'], 2],
      [itemNo['SB-MUG'], 1],
    ]);
    // The demo maps Shopify's first location (Warehouse) to MAIN and "Standard" shipping to 4100.
    expect(document.lines.filter((line) => line.type === 'item').map((line) => line.locationCode)).toEqual([
      'MAIN',
      'MAIN',
    ]);
    expect(document.lines).toContainEqual(
      expect.objectContaining({ type: 'gl_account', no: '4100', amount: '5.00' }),
    );
    // seed 002 "Shopify Order No. on Doc. Line": a comment line with the order number.
    expect(document.lines).toContainEqual(
      expect.objectContaining({ type: 'comment', description: expect.stringContaining(order.name) }),
    );
    // The same order by GID and by name (docs/order-import.md: "numeric id, GID or name").
    expect(await scenario.storebridge.documents(order.gid)).toEqual([document]);
    expect(await scenario.storebridge.documents(order.name)).toEqual([document]);
  });

  it('an order Shopify has already fulfilled becomes a sales invoice, or a cash sale where the shop says so', async () => {
    scenario = await openScenario();
    const shipped = await scenario.merchant.placeOrder({ fulfilled: true });
    await scenario.storebridge.syncOrders();
    expect(onlyDocument(await scenario.storebridge.documents(shipped.id)).type).toBe('sales_invoice');

    await scenario.setShop({ fulfilledOrderDocument: 'cash_sale' });
    const counter = await scenario.merchant.placeOrder({ fulfilled: true, sourceName: 'pos' });
    await scenario.storebridge.syncOrders();
    expect(onlyDocument(await scenario.storebridge.documents(counter.id)).type).toBe('cash_sale');
  });

  it('auto release releases the sales order and reserves its stock (seed 004 4.6: ATS = on hand - released)', async () => {
    scenario = await openScenario({ shop: { autoReleaseSalesOrders: true } });
    const before = await scenario.storebridge.stock();
    const order = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();

    expect(onlyDocument(await scenario.storebridge.documents(order.id)).status).toBe('released');
    const after = await scenario.storebridge.stock();
    const released = (levels: typeof after, no: string) =>
      Number(levels.find((level) => level.itemNo === no && level.locationCode === 'MAIN')?.released ?? 0);
    expect(released(after, itemNo['SB-TEE']) - released(before, itemNo['SB-TEE'])).toBe(2);
    expect(released(after, itemNo['SB-MUG']) - released(before, itemNo['SB-MUG'])).toBe(1);
    for (const level of after) {
      expect(Number(level.availableToSell)).toBe(Number(level.onHand) - Number(level.released));
    }
  });

  it('an invoice of a shipped order takes its goods out of stock at their location; a sales order only reserves them', async () => {
    scenario = await openScenario({ shop: { autoReleaseSalesOrders: true } });
    const before = await scenario.storebridge.stock();
    const shipped = await scenario.merchant.placeOrder({ fulfilled: true });
    await scenario.merchant.placeOrder({ lines: [{ sku: 'SB-TEE', quantity: 1 }] });
    await scenario.storebridge.syncOrders();

    const invoice = onlyDocument(await scenario.storebridge.documents(shipped.id));
    expect(invoice.type).toBe('sales_invoice');
    const after = await scenario.storebridge.stock();
    const at = (levels: typeof after, no: string) =>
      levels.find((level) => level.itemNo === no && level.locationCode === 'MAIN');
    const moved = (no: string, field: 'onHand' | 'released') =>
      Number(at(after, no)?.[field] ?? 0) - Number(at(before, no)?.[field] ?? 0);
    // The invoice: 2 Tees and a Mug left MAIN. The sales order: 1 Tee reserved, still on hand.
    expect(moved(itemNo['SB-TEE'], 'onHand')).toBe(-2);
    expect(moved(itemNo['SB-MUG'], 'onHand')).toBe(-1);
    expect(moved(itemNo['SB-TEE'], 'released')).toBe(1);
    for (const level of after) {
      expect(Number(level.availableToSell)).toBe(Number(level.onHand) - Number(level.released));
    }
  });

  it('a second sync of unchanged orders creates nothing and asks Shopify for no order twice', async () => {
    scenario = await openScenario();
    await scenario.merchant.placeOrder();
    await scenario.merchant.placeOrder({ lines: [{ sku: 'SB-CAP', quantity: 1 }] });
    await scenario.storebridge.syncOrders();
    const documents = await scenario.storebridge.documents();
    const staged = await scenario.storebridge.ordersToImport();
    expect(documents).toHaveLength(2);

    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.documents()).toEqual(documents);
    expect(await scenario.storebridge.ordersToImport()).toEqual(staged);
  });

  it('a dry run shows the documents it would create and writes nothing', async () => {
    scenario = await openScenario();
    const order = await scenario.merchant.placeOrder();
    const preview = await scenario.storebridge.syncOrders({ dryRun: true });
    expect(JSON.stringify(preview)).toContain('sales_order');
    expect(await scenario.storebridge.documents()).toEqual([]);
    expect(await scenario.storebridge.ordersToImport()).toEqual([]);

    // Nothing was consumed either: the real run still finds the order.
    await scenario.storebridge.syncOrders();
    expect(onlyDocument(await scenario.storebridge.documents(order.id)).type).toBe('sales_order');
  });

  it('writes the document no. back to the Shopify order without importing it again (no re-import loop)', async () => {
    scenario = await openScenario({ shop: { writeDocumentNoAsAttribute: true } });
    const order = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();
    const document = onlyDocument(await scenario.storebridge.documents(order.id));
    const inShopify = await scenario.merchant.order(order);
    expect(inShopify.customAttributes).toContainEqual({ key: expect.any(String), value: document.number });

    // The write-back changed the order's updatedAt, so the next sync sees it again: it must be no change.
    const writesBefore = mutationCount(scenario);
    await scenario.storebridge.syncOrders();
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.documents(order.id)).toEqual([document]);
    expect(await scenario.storebridge.order(order.id)).toMatchObject({ processed: true, conflict: false });
    expect(mutationCount(scenario)).toBe(writesBefore);
  });
});

function mutationCount(scenario: Scenario): number {
  return scenario.emulator.log.list().filter((entry) => entry.operation.startsWith('mutation')).length;
}
