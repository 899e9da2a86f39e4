import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../../test/support/test-store.ts';
import type { Actor } from '../../access/index.ts';
import { addTestUser } from '../../access/testing/test-users.ts';
import { ConflictError } from '../../shared/errors.ts';
import { addShop, quickShopInput } from '../../shops/index.ts';
import {
  assertSameRequest,
  claimRequest,
  findRequest,
  finishRequest,
  requestHash,
} from './outbound-requests.ts';

/** A first claim of `key` for a refund of order 1 of shop WEB. */
function aRefundClaim(claim: { key: string; hash: string; actor: Actor }) {
  return {
    shopCode: 'WEB',
    kind: 'refund',
    shopifyOrderId: '1',
    request: {},
    now: new Date(),
    ...claim,
  } as const;
}

describeOnEachBackend('outbound requests: one per shop and idempotency key (migration 0014)', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(backend);
    await addShop(
      { db: store.db, secretKey: randomBytes(32) },
      quickShopInput({ code: 'WEB', domain: 'web.myshopify.com', token: 'shpat_x' }),
    );
  });
  afterEach(async () => store.close());

  it('two claims of one key at once: one is recorded pending, the other is told it is in flight', async () => {
    const { actor } = await addTestUser(store.db, 'agent');
    const hash = requestHash({ lines: [{ line: 'SB-TEE', quantity: 1 }], order: '1' });
    const claim = () => claimRequest(store.db, aRefundClaim({ key: 'k1', hash, actor }), undefined);

    const outcomes = await Promise.allSettled([claim(), claim()]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    const row = await findRequest(store.db, 'WEB', 'k1');
    expect(row).toMatchObject({
      state: 'pending',
      kind: 'refund',
      shopify_order_id: '1',
      user_name: 'agent',
    });
  });

  it('keeps the answer; the same key with another request is a conflict naming the key', async () => {
    const { actor } = await addTestUser(store.db, 'agent');
    const hash = requestHash({ a: 1, b: [2, 3] });
    expect(requestHash({ b: [2, 3], a: 1 })).toBe(hash);
    const row = await claimRequest(store.db, aRefundClaim({ key: 'k2', hash, actor }), undefined);
    await finishRequest(store.db, row.id, {
      state: 'succeeded',
      shopifyId: '77',
      answer: { total: '5.00' },
      now: new Date(),
    });

    const stored = await findRequest(store.db, 'WEB', 'k2');
    expect(stored).toMatchObject({ state: 'succeeded', shopify_id: '77', shopify_answer: { total: '5.00' } });
    expect(() => assertSameRequest(stored!, 'refund', requestHash({ a: 2 }))).toThrow(
      'idempotencyKey: "k2" was already used for another request',
    );
  });
});
