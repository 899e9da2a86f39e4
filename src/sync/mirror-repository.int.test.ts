import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { anOrder } from '../domain/testing/order-builders.ts';
import { addShop, quickShopInput } from '../shops/index.ts';
import { findMirroredOrder, saveOrderVersions, upsertMirroredOrders } from './mirror-repository.ts';

describeOnEachBackend('order mirror', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    const deps = { db: store.db, secretKey: randomBytes(32) };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
  });
  afterAll(() => store.close());

  it('holds the saved version of the order it mirrors, and the payload as Shopify sent it', async () => {
    const order = anOrder({ shopifyId: '7', name: '#7', updatedAt: '2025-03-10T12:05:00Z', note: 'gift' });
    // Shopify's key order, not sorted: kept as it came.
    const payload = { name: '#7', id: 'gid://shopify/Order/7', note: 'gift' };
    await saveOrderVersions(store.db, 'EU', [{ order, payload }]);
    await upsertMirroredOrders(store.db, 'EU', [{ order, conflictMessage: null }]);
    expect((await findMirroredOrder(store.db, 'EU', '7'))?.order).toEqual(order);
    const saved = await store.db
      .selectFrom('order_versions')
      .select(['payload'])
      .where('shopify_order_id', '=', '7')
      .executeTakeFirstOrThrow();
    expect(Object.keys(saved.payload as object)).toEqual(['name', 'id', 'note']);
  });

  it('refuses to mirror an order whose version was never saved', async () => {
    const order = anOrder({ shopifyId: '8', name: '#8', updatedAt: '2025-03-10T12:05:00Z' });
    await expect(upsertMirroredOrders(store.db, 'EU', [{ order, conflictMessage: null }])).rejects.toThrow(
      /order_data/,
    );
    expect(await findMirroredOrder(store.db, 'EU', '8')).toBeUndefined();
  });
});
