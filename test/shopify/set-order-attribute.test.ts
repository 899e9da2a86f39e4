import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import {
  fetchOrder,
  setOrderAttribute,
  ShopifyOrderNotFoundError,
  type ShopifyClient,
} from '../../src/shopify/index.ts';
import { asMerchant, emulatedShop, recordedCalls, resetLog } from './emulator-shop.ts';

describe('setOrderAttribute (document no. written back)', () => {
  let emulator: RunningEmulator;
  let client: ShopifyClient;
  let orderId: string;

  beforeAll(async () => {
    ({ emulator, client } = await emulatedShop(1));
    orderId = String(emulator.state.data.orders[0]!.id);
    await asMerchant(
      emulator,
      'mutation($input: OrderInput!) { orderUpdate(input: $input) { userErrors { message } } }',
      {
        input: {
          id: `gid://shopify/Order/${orderId}`,
          customAttributes: [{ key: 'gift-wrap', value: 'yes' }],
        },
      },
    );
  }, 60_000);
  afterAll(() => emulator.close());

  it('adds ours and keeps the attributes others set', async () => {
    const result = await setOrderAttribute(client, orderId, 'storebridge-document', 'SO-1001');
    expect(result.changed).toBe(true);
    const fetched = await fetchOrder(client, orderId);
    expect(fetched?.order.customAttributes).toEqual([
      { key: 'gift-wrap', value: 'yes' },
      { key: 'storebridge-document', value: 'SO-1001' },
    ]);
    expect(fetched?.order.updatedAt).toBe(result.updatedAt);
  });

  it('replaces our value in place, and writes nothing when it is already there', async () => {
    await setOrderAttribute(client, orderId, 'storebridge-document', 'SI-2002');
    await resetLog(emulator);
    const replay = await setOrderAttribute(client, orderId, 'storebridge-document', 'SI-2002');
    expect(replay).toEqual({ changed: false, updatedAt: null });
    expect((await recordedCalls(emulator)).map((c) => c.operation)).toEqual(['query OrderAttributes']);
    const fetched = await fetchOrder(client, orderId);
    expect(fetched?.order.customAttributes).toEqual([
      { key: 'gift-wrap', value: 'yes' },
      { key: 'storebridge-document', value: 'SI-2002' },
    ]);
  });

  it('fails with a typed error for an order Shopify does not have', async () => {
    await expect(setOrderAttribute(client, '999999999', 'k', 'v')).rejects.toBeInstanceOf(
      ShopifyOrderNotFoundError,
    );
  });
});
