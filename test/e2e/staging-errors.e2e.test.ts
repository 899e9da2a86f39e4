import { afterEach, describe, expect, it } from 'vitest';
import { importMasterData } from '../../src/masterdata/index.ts';
import { itemQuantities, onlyDocument } from '../support/e2e/documents.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

const unknownSku = [{ sku: 'SB-HOODIE', quantity: 1, customPriceCents: 4500 }];
const hoodieFile = {
  fileName: 'items.json',
  content: JSON.stringify([
    {
      no: '1010',
      sku: 'SB-HOODIE',
      description: 'Storebridge Hoodie',
      type: 'inventory',
      unitPrice: '45.00',
      currency: 'USD',
    },
  ]),
};

describe('orders to import: errors stay on their row, operators fix and retry or exclude (seed 002)', () => {
  it('an unknown SKU marks that order with an error naming the SKU; the other orders go on', async () => {
    scenario = await openScenario();
    const broken = await scenario.merchant.placeOrder({ lines: unknownSku });
    const fine = await scenario.merchant.placeOrder();
    await scenario.storebridge.syncOrders();

    const rows = await scenario.storebridge.ordersToImport();
    const row = rows.find((entry) => entry.shopifyOrderId === broken.id);
    expect(row).toMatchObject({ hasError: true, attempts: 1 });
    expect(row?.errorMessage).toContain('SB-HOODIE');
    expect(row?.errorMessage).toContain(broken.name);
    expect(await scenario.storebridge.documents(broken.id)).toEqual([]);
    expect(await scenario.storebridge.documents(fine.id)).toHaveLength(1);
  });

  it('after the item is added to the master data, a retry of the row creates the document and clears the error', async () => {
    scenario = await openScenario();
    const broken = await scenario.merchant.placeOrder({ lines: unknownSku });
    await scenario.storebridge.syncOrders();
    await importMasterData(scenario.store.db, 'items', {
      fileName: 'items.json',
      content: JSON.stringify([
        {
          no: '1010',
          sku: 'SB-HOODIE',
          description: 'Storebridge Hoodie',
          type: 'inventory',
          unitPrice: '45.00',
          currency: 'USD',
        },
      ]),
    });

    await scenario.storebridge.importOrders([broken.id]);
    expect(itemQuantities(onlyDocument(await scenario.storebridge.documents(broken.id)))).toEqual([
      ['1010', 1],
    ]);
    const row = (await scenario.storebridge.ordersToImport()).find(
      (entry) => entry.shopifyOrderId === broken.id,
    );
    // Either the imported row leaves the list, or it stays without its error: never still failing.
    expect(row?.hasError ?? false).toBe(false);
    // A second import of the same row is a no-op.
    await scenario.storebridge.importOrders([broken.id]).catch(() => undefined);
    expect(await scenario.storebridge.documents(broken.id)).toHaveLength(1);
  });

  it('a retry without a fix fails again and counts the attempt', async () => {
    scenario = await openScenario();
    const broken = await scenario.merchant.placeOrder({ lines: unknownSku });
    await scenario.storebridge.syncOrders();
    await scenario.storebridge.importOrders([broken.id]).catch(() => undefined);
    const row = (await scenario.storebridge.ordersToImport()).find(
      (entry) => entry.shopifyOrderId === broken.id,
    );
    expect(row).toMatchObject({ hasError: true, attempts: 2 });
  });

  it('deleting a row excludes the order from the sync (seed 002 "Delete orders ... to exclude them")', async () => {
    scenario = await openScenario();
    const excluded = await scenario.merchant.placeOrder({ lines: unknownSku });
    await scenario.storebridge.syncOrders();
    expect((await scenario.storebridge.ordersToImport()).map((row) => row.shopifyOrderId)).toContain(
      excluded.id,
    );
    await scenario.storebridge.excludeOrders([excluded.id]);
    expect((await scenario.storebridge.ordersToImport()).map((row) => row.shopifyOrderId)).not.toContain(
      excluded.id,
    );

    // Even once the item exists, the next sync leaves the excluded order alone: it did not change in Shopify.
    await importMasterData(scenario.store.db, 'items', hoodieFile);
    await scenario.storebridge.syncOrders();
    expect((await scenario.storebridge.ordersToImport()).map((row) => row.shopifyOrderId)).not.toContain(
      excluded.id,
    );
    expect(await scenario.storebridge.documents(excluded.id)).toEqual([]);
  });

  it('import by command takes only the selected rows (seed 002 "Import Selected Orders")', async () => {
    scenario = await openScenario();
    const first = await scenario.merchant.placeOrder({ lines: unknownSku });
    const second = await scenario.merchant.placeOrder({
      lines: [...unknownSku, { sku: 'SB-SOCK', quantity: 3 }],
    });
    await scenario.storebridge.syncOrders();
    await importMasterData(scenario.store.db, 'items', hoodieFile);

    await scenario.storebridge.importOrders([second.name]);
    expect(itemQuantities(onlyDocument(await scenario.storebridge.documents(second.id)))).toEqual([
      ['1010', 1],
      ['1004', 3],
    ]);
    expect(await scenario.storebridge.documents(first.id)).toEqual([]);
    expect(
      (await scenario.storebridge.ordersToImport()).find((row) => row.shopifyOrderId === first.id),
    ).toMatchObject({
      hasError: true,
      attempts: 1,
    });
  });
});
