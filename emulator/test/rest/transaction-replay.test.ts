/** Replays Shopify's recorded transactions pairs for order 450789469. */
import { describe, expect, it } from 'vitest';
import { exampleIds, exampleOrderAfterFirstRefund } from '../support/example-shop.ts';
import { recordedPairs, replay, shapeDiff, type Body } from '../support/fixtures.ts';

const pairs = recordedPairs('transaction');
const posts = pairs.filter((p) => p.request.method === 'POST');

describe('transactions (recorded pairs)', () => {
  it('GET transactions.json: authorization 598.94, capture 250.94, refund 209.00 with the recorded keys', () => {
    const recorded = pairs.find(
      (p) => p.request.method === 'GET' && p.request.path.endsWith('transactions.json') && !p.request.query,
    )!;
    const { state } = exampleOrderAfterFirstRefund();
    const body = replay(state, recorded.request).body as Body;
    const expected = recorded.response.transactions as Body[];
    const byKind = (list: Body[]) => Object.fromEntries(list.map((t) => [t.kind, t]));
    for (const kind of ['authorization', 'capture', 'refund']) {
      expect(shapeDiff(byKind(body.transactions)[kind], byKind(expected)[kind]), kind).toEqual([]);
      expect(byKind(body.transactions)[kind].amount).toBe(byKind(expected)[kind].amount);
      expect(byKind(body.transactions)[kind].total_unsettled_set).toEqual(
        byKind(expected)[kind].total_unsettled_set,
      );
    }
  });

  it('since_id lists only later transactions; count and get', () => {
    const { state } = exampleOrderAfterFirstRefund();
    const since = pairs.find((p) => p.request.query === 'since_id=801038806')!;
    const listed = replay(state, since.request).body as Body;
    expect(listed.transactions.map((t: Body) => t.kind)).toEqual(['refund']);
    expect(replay(state, pairs.find((p) => p.request.path.endsWith('count.json'))!.request).body).toEqual({
      count: 3,
    });
    const get = pairs.find((p) => /transactions\/389404469\.json$/.test(p.request.path))!;
    const got = replay(state, get.request).body as Body;
    // The single-transaction view adds authorization_expires_at / extended_authorization_attributes.
    const diffs = shapeDiff(got, get.response).filter(
      (diff) => !/authorization_expires_at|extended_authorization/.test(diff),
    );
    expect(diffs).toEqual([]);
  });

  it.each(posts.map((p, index) => ({ index, kind: (p.request.body as Body).transaction.kind, p })))(
    'POST #$index ($kind): recorded structure, gateway of the parent',
    ({ p }) => {
      const { state } = exampleOrderAfterFirstRefund();
      const response = replay(state, p.request);
      expect(response.status).toBe(201);
      expect(shapeDiff(response.body, p.response)).toEqual([]);
      const transaction = (response.body as Body).transaction;
      const expected = p.response.transaction as Body;
      expect(transaction).toMatchObject({
        kind: expected.kind,
        gateway: 'bogus',
        parent_id: exampleIds.authorization,
        status: 'success',
      });
      // Recorded amounts: 10.00 captures and a 0.00 void agree; a capture without amount takes
      // what the authorization still holds - 598.94 in Shopify's fresh recording, 348.00 here
      // because the seeded order already captured 250.94.
      const amount = (p.request.body as Body).transaction.amount === undefined ? '348.00' : expected.amount;
      expect(transaction.amount).toBe(amount);
    },
  );
});
