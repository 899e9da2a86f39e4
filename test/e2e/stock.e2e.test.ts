import { afterEach, expect, it } from 'vitest';
import { onlyCases } from '../support/e2e/corpus-mix.ts';
import { itemNo } from '../support/e2e/documents.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** SKU -> item no. of the demo catalogue. */
const itemOf = new Map(Object.entries(itemNo));

/**
 * Issue 6 item 4: stock per item and location. A shop with history: the opening stock is
 * Shopify's on-hand count at set-up, so the invoices of orders shipped before it must not take
 * their goods out again (the shop's stockCountedAt), while orders shipped after it must.
 */
it("after the first sync of a shop with history, and after new shipments, the books' on hand is Shopify's", async () => {
  scenario = await openScenario({
    corpus: { orders: 40, seed: 'stock-e2e', mix: onlyCases('plain', 'partial-fulfillment') },
  });
  const { merchant, storebridge } = scenario;
  expect(await storebridge.syncOrders()).toMatchObject({ imported: 40, errors: [] });
  await expectBooksOnHandIsShopifys();

  const later = await merchant.placeOrder();
  await merchant.fulfil(later);
  await storebridge.syncOrders();
  expect((await storebridge.documents(later.id)).map((d) => d.type)).toEqual(['sales_invoice']);
  await expectBooksOnHandIsShopifys();
}, 120_000);

async function expectBooksOnHandIsShopifys(): Promise<void> {
  const { merchant, storebridge, store } = scenario!;
  const shop = await store.db.selectFrom('shops').select('settings').executeTakeFirstOrThrow();
  const mappings = (
    shop.settings as { locationMappings: { shopifyLocationId: string; locationCode: string }[] }
  ).locationMappings;
  // Mappings hold the location's GID; Shopify's levels, its numeric id.
  const codeOf = new Map(mappings.map((m) => [m.shopifyLocationId.split('/').pop()!, m.locationCode]));
  const books = new Map(
    (await storebridge.stock()).map((level) => [
      `${level.itemNo}@${level.locationCode}`,
      Number(level.onHand),
    ]),
  );
  const shopify = (await merchant.onHand()).flatMap((level) => {
    const item = itemOf.get(level.sku);
    const location = codeOf.get(level.locationId);
    return item && location ? [[`${item}@${location}`, level.onHand] as const] : [];
  });
  expect(shopify.length).toBeGreaterThan(0);
  for (const [key, onHand] of shopify) expect({ key, onHand: books.get(key) ?? 0 }).toEqual({ key, onHand });
}
