import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { createOrder, variantGid } from './orders.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
});
afterAll(() => h.emulator.close());

type Calc = { id: string; lineItems: { nodes: { id: string; sku: string; quantity: number }[] } };

describe('order edit and cancel over HTTP', () => {
  it('orderEditBegin -> setQuantity -> addVariant -> commit changes the lines', async () => {
    const orderId = await createOrder(h);
    const begun = await h.gql<{ orderEditBegin: { calculatedOrder: Calc } }>(
      `mutation ($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id sku quantity } } } userErrors { message } } }`,
      { id: orderId },
    );
    const calculated = begun.data.orderEditBegin.calculatedOrder;
    expect(calculated.lineItems.nodes.map((l) => [l.sku, l.quantity])).toEqual([
      ['SB-TEE', 2],
      ['SB-MUG', 1],
    ]);
    const mug = calculated.lineItems.nodes.find((l) => l.sku === 'SB-MUG')!;
    const set = await h.gql<{
      orderEditSetQuantity: { calculatedLineItem: { quantity: number }; userErrors: unknown[] };
    }>(
      `mutation ($id: ID!, $line: ID!) { orderEditSetQuantity(id: $id, lineItemId: $line, quantity: 0, restock: true) {
        calculatedLineItem { quantity } userErrors { field message } } }`,
      { id: calculated.id, line: mug.id },
    );
    expect(set.data.orderEditSetQuantity).toEqual({ calculatedLineItem: { quantity: 0 }, userErrors: [] });
    const added = await h.gql<{
      orderEditAddVariant: {
        calculatedLineItem: { sku: string; quantity: number };
        calculatedOrder: { addedLineItems: { nodes: unknown[] } };
      };
    }>(
      `mutation ($id: ID!, $variant: ID!) { orderEditAddVariant(id: $id, variantId: $variant, quantity: 2) {
        calculatedLineItem { sku quantity } calculatedOrder { addedLineItems(first: 5) { nodes { id } } } userErrors { message } } }`,
      { id: calculated.id, variant: variantGid(h, 'SB-SOCK') },
    );
    expect(added.data.orderEditAddVariant.calculatedLineItem).toEqual({ sku: 'SB-SOCK', quantity: 2 });
    const committed = await h.gql<{
      orderEditCommit: {
        order: {
          edited: boolean;
          lineItems: { nodes: { sku: string; quantity: number; currentQuantity: number }[] };
          refunds: { totalRefundedSet: { shopMoney: { amount: string } } }[];
        };
        userErrors: unknown[];
      };
    }>(
      `mutation ($id: ID!) { orderEditCommit(id: $id, staffNote: "swap") {
        order { edited lineItems(first: 5) { nodes { sku quantity currentQuantity } } refunds { totalRefundedSet { shopMoney { amount } } } }
        userErrors { message } } }`,
      { id: calculated.id },
    );
    expect(committed.data.orderEditCommit.userErrors).toEqual([]);
    const order = committed.data.orderEditCommit.order;
    expect(order.edited).toBe(true);
    expect(order.lineItems.nodes).toEqual([
      { sku: 'SB-TEE', quantity: 2, currentQuantity: 2 },
      { sku: 'SB-MUG', quantity: 1, currentQuantity: 0 },
      { sku: 'SB-SOCK', quantity: 2, currentQuantity: 2 },
    ]);
    // seed 002: units removed by an edit become a refund of zero amount.
    expect(order.refunds).toEqual([{ totalRefundedSet: { shopMoney: { amount: '0.00' } } }]);
  });

  it('orderCancel answers a Job; polling job(id) reports it done and the order cancelled', async () => {
    const orderId = await createOrder(h);
    const cancelled = await h.gql<{
      orderCancel: { job: { id: string; done: boolean }; orderCancelUserErrors: unknown[] };
    }>(
      `mutation ($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, refund: true, restock: true, staffNote: "changed mind") {
        job { id done } orderCancelUserErrors { field message code } } }`,
      { id: orderId },
    );
    expect(cancelled.data.orderCancel.orderCancelUserErrors).toEqual([]);
    expect(cancelled.data.orderCancel.job.done).toBe(false);
    const job = await h.gql<{
      job: {
        done: boolean;
        query: { order: { cancelledAt: string; cancelReason: string; displayFinancialStatus: string } };
      };
    }>(
      `query ($job: ID!, $id: ID!) { job(id: $job) { done query { order(id: $id) { cancelledAt cancelReason displayFinancialStatus } } } }`,
      { job: cancelled.data.orderCancel.job.id, id: orderId },
    );
    expect(job.data.job.done).toBe(true);
    expect(job.data.job.query.order).toMatchObject({
      cancelReason: 'CUSTOMER',
      displayFinancialStatus: 'REFUNDED',
    });
    expect(job.data.job.query.order.cancelledAt).toBeTruthy();
    const again = await h.gql<{ orderCancel: { job: null; orderCancelUserErrors: { code: string }[] } }>(
      `mutation ($id: ID!) { orderCancel(orderId: $id, reason: OTHER, refund: false, restock: false) { job { id } orderCancelUserErrors { field message code } } }`,
      { id: orderId },
    );
    expect(again.data.orderCancel.job).toBeNull();
    expect(again.data.orderCancel.orderCancelUserErrors[0]?.code).toBe('INVALID');
  });

  it('tagsAdd / tagsRemove / orderUpdate / orderClose / orderOpen / orderMarkAsPaid', async () => {
    const orderId = await createOrder(h, { transactions: [], financialStatus: 'PENDING' });
    const tagged = await h.gql<{ tagsAdd: { node: { tags: string[] } } }>(
      `mutation ($id: ID!) { tagsAdd(id: $id, tags: ["vip", "rush"]) { node { ... on Order { tags } } userErrors { message } } }`,
      { id: orderId },
    );
    expect(tagged.data.tagsAdd.node.tags).toEqual(expect.arrayContaining(['vip', 'rush', 'e2e']));
    const untagged = await h.gql<{ tagsRemove: { node: { tags: string[] } } }>(
      `mutation ($id: ID!) { tagsRemove(id: $id, tags: ["rush"]) { node { ... on Order { tags } } userErrors { message } } }`,
      { id: orderId },
    );
    expect(untagged.data.tagsRemove.node.tags).not.toContain('rush');
    const updated = await h.gql<{ orderUpdate: { order: { note: string } } }>(
      `mutation ($id: ID!) { orderUpdate(input: { id: $id, note: "call first" }) { order { note } userErrors { message } } }`,
      { id: orderId },
    );
    expect(updated.data.orderUpdate.order.note).toBe('call first');
    const paid = await h.gql<{
      orderMarkAsPaid: { order: { displayFinancialStatus: string }; userErrors: unknown[] };
    }>(
      `mutation ($id: ID!) { orderMarkAsPaid(input: { id: $id }) { order { displayFinancialStatus } userErrors { message } } }`,
      { id: orderId },
    );
    expect(paid.data.orderMarkAsPaid).toEqual({ order: { displayFinancialStatus: 'PAID' }, userErrors: [] });
    const closed = await h.gql<{ orderClose: { order: { closed: boolean } } }>(
      `mutation ($id: ID!) { orderClose(input: { id: $id }) { order { closed } userErrors { message } } }`,
      { id: orderId },
    );
    expect(closed.data.orderClose.order.closed).toBe(true);
    const opened = await h.gql<{ orderOpen: { order: { closed: boolean } } }>(
      `mutation ($id: ID!) { orderOpen(input: { id: $id }) { order { closed } userErrors { message } } }`,
      { id: orderId },
    );
    expect(opened.data.orderOpen.order.closed).toBe(false);
  });

  it('draftOrderCreate -> draftOrderComplete makes an order', async () => {
    const draft = await h.gql<{
      draftOrderCreate: {
        draftOrder: { id: string; status: string; totalPriceSet: { shopMoney: { amount: string } } };
      };
    }>(
      `mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) { draftOrder { id status totalPriceSet { shopMoney { amount } } } userErrors { message } } }`,
      {
        input: { lineItems: [{ variantId: variantGid(h, 'SB-CAP'), quantity: 2 }], email: 'b2b@example.com' },
      },
    );
    expect(draft.data.draftOrderCreate.draftOrder).toMatchObject({
      status: 'OPEN',
      totalPriceSet: { shopMoney: { amount: '39.80' } },
    });
    const completed = await h.gql<{
      draftOrderComplete: {
        draftOrder: {
          status: string;
          order: { displayFinancialStatus: string; lineItems: { nodes: { sku: string }[] } };
        };
      };
    }>(
      `mutation ($id: ID!) { draftOrderComplete(id: $id) { draftOrder { status order { displayFinancialStatus lineItems(first: 5) { nodes { sku } } } } userErrors { message } } }`,
      { id: draft.data.draftOrderCreate.draftOrder.id },
    );
    expect(completed.data.draftOrderComplete.draftOrder).toMatchObject({
      status: 'COMPLETED',
      order: { displayFinancialStatus: 'PAID', lineItems: { nodes: [{ sku: 'SB-CAP' }] } },
    });
  });
});
