import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.ts';
import { asMerchant } from '../../test/shopify/emulator-shop.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { adjustStock, stockLevels } from '../books/index.ts';
import { findItemBySku } from '../masterdata/index.ts';
import { getShopConnection, setShopSetting } from '../shops/index.ts';
import { createShopifyClient } from '../shopify/index.ts';
import { openingStockVoucherNo, setUpDemoShop } from './index.ts';

interface LevelsAnswer {
  locations: {
    nodes: {
      id: string;
      inventoryLevels: {
        nodes: { quantities: { name: string; quantity: number }[]; item: { sku: string | null } }[];
      };
    }[];
  };
}

/** Shopify's on-hand quantities as a merchant reads them: location gid -> sku -> on hand. */
async function shopifyOnHand(emulator: RunningEmulator): Promise<Map<string, Map<string, number>>> {
  const answer = await asMerchant<LevelsAnswer>(
    emulator,
    `query { locations(first: 5) { nodes { id inventoryLevels(first: 20) {
      nodes { quantities(names: ["on_hand"]) { name quantity } item { sku } } } } } }`,
  );
  return new Map(
    answer.locations.nodes.map((location) => [
      location.id,
      new Map(
        location.inventoryLevels.nodes.map((level) => [
          level.item.sku ?? '',
          level.quantities[0]?.quantity ?? 0,
        ]),
      ),
    ]),
  );
}

describeOnEachBackend('demo setup: opening stock from Shopify', (backend) => {
  let store: TestStore;
  let emulator: RunningEmulator;
  beforeEach(async () => {
    store = await openTestStore(backend);
    // Demo catalogue, three locations (two mapped by the demo settings), orders committing stock.
    emulator = await startEmulator({ port: 0, throttle: 'off', seed: { kind: 'demo', orders: 5 } });
  });
  afterEach(async () => {
    await store.close();
    await emulator.close();
  });

  it("loads Shopify's on hand per mapped location once; unmapped ones are counted; a replay is a no-op", async () => {
    const deps = { db: store.db, secretKey: randomBytes(32) };
    const connection = { code: 'DEMO', endpoint: emulator.url, accessToken: emulator.token };
    const first = await setUpDemoShop(deps, connection);
    expect(first.openingStock).toMatchObject({ voucherNo: 'OPENING-DEMO', loaded: true });
    // The demo maps two of the catalogue's three locations: the third location's levels are skipped.
    expect(first.openingStock.skipped.unmappedLocation).toBeGreaterThan(0);

    const { settings } = await getShopConnection(deps, 'DEMO');
    const onHand = await shopifyOnHand(emulator);
    const expected: { itemNo: string; locationCode: string; onHand: number }[] = [];
    for (const mapping of settings.locationMappings) {
      for (const [sku, quantity] of onHand.get(mapping.shopifyLocationId) ?? []) {
        const item = await findItemBySku(store.db, sku);
        if (item?.type === 'inventory' && quantity !== 0)
          expected.push({ itemNo: item.no, locationCode: mapping.locationCode, onHand: quantity });
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const levels = await stockLevels(store.db);
    expect(
      levels.map(({ itemNo, locationCode, onHand: units }) => ({ itemNo, locationCode, onHand: units })),
    ).toEqual(expect.arrayContaining(expected));
    expect(levels.reduce((sum, level) => sum + level.onHand, 0)).toBe(
      expected.reduce((sum, level) => sum + level.onHand, 0),
    );
    expect(first.openingStock.lines).toBe(expected.length);

    // Set up again (npm start does on every start): the voucher is found, Shopify is not asked.
    const again = await setUpDemoShop(deps, connection, failingClient());
    expect(again.openingStock).toMatchObject({ voucherNo: 'OPENING-DEMO', loaded: false });
    expect(await stockLevels(store.db)).toEqual(levels);

    // books' replay of the same voucher and lines is a no-op as well.
    const lines = levels.map(({ itemNo, locationCode, onHand: quantity }) => ({
      itemNo,
      locationCode: locationCode ?? '',
      quantity,
    }));
    const replay = await store.db
      .transaction()
      .execute((trx) => adjustStock(trx, { voucherNo: openingStockVoucherNo('DEMO'), lines }));
    expect(replay.created).toBe(false);
  });

  it('sets the accounts posting needs; a shop set up before them gets those it lacks, the rest stays', async () => {
    const deps = { db: store.db, secretKey: randomBytes(32) };
    const connection = { code: 'DEMO', endpoint: emulator.url, accessToken: emulator.token };
    await setUpDemoShop(deps, connection);
    expect((await getShopConnection(deps, 'DEMO')).settings.accounts).toMatchObject({
      receivable: '1200',
      sales: '4000',
      taxPayable: '2100',
      paymentClearing: '1020',
    });
    await setShopSetting(deps, 'DEMO', ['accounts.receivable=', 'accounts.sales=4100']);
    await setUpDemoShop(deps, connection, failingClient());
    expect((await getShopConnection(deps, 'DEMO')).settings.accounts).toMatchObject({
      receivable: '1200',
      sales: '4100',
    });
  });
});

/** A client that fails any call: proves a second setup asks Shopify nothing for stock. */
function failingClient() {
  const client = createShopifyClient({
    shopDomain: 'demo.myshopify.com',
    apiVersion: '2025-01',
    accessToken: 'none',
    endpoint: 'http://127.0.0.1:9',
  });
  return {
    ...client,
    request: () => Promise.reject(new Error('Shopify must not be asked')),
  } as typeof client;
}
