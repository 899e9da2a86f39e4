import { afterEach, describe, expect, it } from 'vitest';
import { itemNo, itemQuantities } from '../support/e2e/documents.ts';
import { editTable } from '../support/e2e/edit-table.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

// seed 002's message, in storebridge's words (src/rules/order-change.ts conflictMessage).
const conflictWording = [
  /has already been processed in storebridge/,
  /an edit was received from Shopify/,
  /not propagated/,
];

/** The documents after unlink + re-import follow Shopify's current order (seed 004: Shopify is the source of truth). */
const recreated: Record<string, [string, number][]> = {
  'increase a quantity': [
    [itemNo['SB-TEE'], 2],
    [itemNo['SB-MUG'], 3],
  ],
  'decrease a quantity': [
    [itemNo['SB-TEE'], 1],
    [itemNo['SB-MUG'], 1],
  ],
  'remove an item': [[itemNo['SB-TEE'], 2]],
  'add an item': [
    [itemNo['SB-TEE'], 2],
    [itemNo['SB-MUG'], 1],
    [itemNo['SB-SOCK'], 2],
  ],
};

describe('an order edited in Shopify after its documents were created (seed 002, right-hand column)', () => {
  it.each(editTable)('$edit', async (row) => {
    scenario = await openScenario({ shop: { autoReleaseSalesOrders: false } });
    const order = await scenario.merchant.placeOrder(row.order);
    await scenario.storebridge.syncOrders();
    const documents = await scenario.storebridge.documents(order.id);
    expect(documents).toHaveLength(1);

    await row.act(scenario.merchant, order);
    await scenario.storebridge.syncOrders();

    // The processed documents never change by themselves.
    expect(await scenario.storebridge.documents(order.id)).toEqual(documents);
    const mirrored = await scenario.storebridge.order(order.id);
    if (!row.conflictsWhenProcessed) {
      // "Fulfillment location is synched" / "Order header is updated": no mark.
      expect(mirrored).toMatchObject({ processed: true, conflict: false });
      return;
    }
    expect(mirrored).toMatchObject({ processed: true, conflict: true });
    for (const wording of conflictWording) expect(mirrored.conflictMessage).toMatch(wording);
    // A third sync with nothing new keeps the mark and still changes nothing.
    await scenario.storebridge.syncOrders();
    expect(await scenario.storebridge.order(order.id)).toMatchObject({ conflict: true });
    expect(await scenario.storebridge.documents(order.id)).toEqual(documents);

    // The seed's operator actions: unlink the processed documents, then re-import this one order.
    await scenario.storebridge.unlink(order.id);
    expect(await scenario.storebridge.order(order.id)).toMatchObject({ processed: false });
    await scenario.storebridge.reimport(order.id);
    const after = await scenario.storebridge.order(order.id);
    expect(after).toMatchObject({ conflict: false });
    const current = (await scenario.storebridge.documents(order.id)).filter(
      (document) => !documents.some((old) => old.id === document.id),
    );
    const quantities = recreated[row.edit];
    if (quantities) expect(current.map(itemQuantities)).toEqual([quantities]);
    // The unlinked document is kept, for the operator to handle (seed 002: "doesn't delete the ... document").
    const kept = (await scenario.storebridge.documents()).map((document) => document.id);
    expect(kept).toContain(documents[0]!.id);
  });
});
