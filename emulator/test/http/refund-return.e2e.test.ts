import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { createOrder } from './orders.ts';

// Ship, return, preview the refund, refund: what storebridge's refund and return sync reads.
let h: Harness;
let orderId: string;
let fulfillmentLineItemId: string;
let teeLineId: string;

beforeAll(async () => {
  h = await startHarness({ seed: { kind: 'demo', orders: 0 } });
  orderId = await createOrder(h);
});
afterAll(() => h.emulator.close());

type Fo = {
  id: string;
  lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { sku: string } }[] };
};

describe('fulfillment, return and refund over HTTP', () => {
  it('fulfillmentCreate ships the tees; tracking can be updated', async () => {
    const fos = await h.gql<{ order: { fulfillmentOrders: { nodes: Fo[] } } }>(
      `query ($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id lineItems(first: 5) { nodes { id remainingQuantity lineItem { sku } } } } } } }`,
      { id: orderId },
    );
    const fo = fos.data.order.fulfillmentOrders.nodes[0]!;
    const tee = fo.lineItems.nodes.find((l) => l.lineItem.sku === 'SB-TEE')!;
    const created = await h.gql<{
      fulfillmentCreate: {
        fulfillment: {
          id: string;
          status: string;
          fulfillmentLineItems: { nodes: { id: string; quantity: number; lineItem: { id: string } }[] };
        };
        userErrors: unknown[];
      };
    }>(
      `mutation ($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) {
        fulfillment { id status trackingInfo { number company } fulfillmentLineItems(first: 5) { nodes { id quantity lineItem { id } } } }
        userErrors { field message } } }`,
      {
        f: {
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: tee.id, quantity: 2 }] },
          ],
          trackingInfo: { number: '1Z1', company: 'UPS' },
        },
      },
    );
    expect(created.data.fulfillmentCreate.userErrors).toEqual([]);
    const fulfillment = created.data.fulfillmentCreate.fulfillment;
    expect(fulfillment.status).toBe('SUCCESS');
    fulfillmentLineItemId = fulfillment.fulfillmentLineItems.nodes[0]!.id;
    teeLineId = fulfillment.fulfillmentLineItems.nodes[0]!.lineItem.id;
    const updated = await h.gql<{
      fulfillmentTrackingInfoUpdate: { fulfillment: { trackingInfo: { number: string }[] } };
    }>(
      `mutation ($id: ID!) { fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: { number: "1Z2", company: "UPS" }) {
        fulfillment { trackingInfo { number } } userErrors { message } } }`,
      { id: fulfillment.id },
    );
    expect(updated.data.fulfillmentTrackingInfoUpdate.fulfillment.trackingInfo).toEqual([{ number: '1Z2' }]);
    const order = await h.gql<{ order: { displayFulfillmentStatus: string } }>(
      `query ($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`,
      { id: orderId },
    );
    expect(order.data.order.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
  });

  it('returnRequest -> returnApproveRequest opens a return for one shipped tee', async () => {
    const requested = await h.gql<{
      returnRequest: { return: { id: string; status: string }; userErrors: unknown[] };
    }>(
      `mutation ($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id status } userErrors { field message code } } }`,
      {
        input: {
          orderId,
          returnLineItems: [{ fulfillmentLineItemId, quantity: 1, returnReason: 'SIZE_TOO_SMALL' }],
        },
      },
    );
    expect(requested.data.returnRequest).toMatchObject({ return: { status: 'REQUESTED' }, userErrors: [] });
    const approved = await h.gql<{
      returnApproveRequest: {
        return: { status: string; returnLineItems: { nodes: { quantity: number; returnReason: string }[] } };
      };
    }>(
      `mutation ($id: ID!) { returnApproveRequest(input: { id: $id }) { return { status returnLineItems(first: 5) { nodes { quantity ... on ReturnLineItem { returnReason } } } } userErrors { message } } }`,
      { id: requested.data.returnRequest.return.id },
    );
    expect(approved.data.returnApproveRequest.return).toMatchObject({
      status: 'OPEN',
      returnLineItems: { nodes: [{ quantity: 1, returnReason: 'SIZE_TOO_SMALL' }] },
    });
    const order = await h.gql<{ order: { returnStatus: string } }>(
      `query ($id: ID!) { order(id: $id) { returnStatus } }`,
      { id: orderId },
    );
    expect(order.data.order.returnStatus).toBe('IN_PROGRESS');
  });

  it('suggestedRefund previews, refundCreate refunds, totals and refundable quantities change', async () => {
    const preview = await h.gql<{
      order: {
        suggestedRefund: {
          amountSet: { shopMoney: { amount: string } };
          refundLineItems: { quantity: number; restockType: string }[];
          suggestedTransactions: {
            kind: string;
            gateway: string;
            amountSet: { shopMoney: { amount: string } };
            parentTransaction: { id: string };
          }[];
        };
      };
    }>(
      `query ($id: ID!, $line: ID!) { order(id: $id) { suggestedRefund(refundLineItems: [{ lineItemId: $line, quantity: 1, restockType: RETURN }]) {
        amountSet { shopMoney { amount } } refundLineItems { quantity restockType }
        suggestedTransactions { kind gateway amountSet { shopMoney { amount } } parentTransaction { id } } } } }`,
      { id: orderId, line: teeLineId },
    );
    expect(preview.errors).toBeUndefined();
    const suggested = preview.data.order.suggestedRefund;
    expect(suggested.amountSet.shopMoney.amount).toBe('25.00');
    expect(suggested.refundLineItems).toEqual([{ quantity: 1, restockType: 'RETURN' }]);
    const transaction = suggested.suggestedTransactions[0]!;
    expect(transaction).toMatchObject({
      kind: 'SUGGESTED_REFUND',
      gateway: 'manual',
      amountSet: { shopMoney: { amount: '25.00' } },
    });
    const refunded = await h.gql<{
      refundCreate: {
        refund: {
          totalRefundedSet: { shopMoney: { amount: string } };
          refundLineItems: { nodes: { quantity: number; restockType: string }[] };
        };
        order: {
          displayFinancialStatus: string;
          totalRefundedSet: { shopMoney: { amount: string } };
          netPaymentSet: { shopMoney: { amount: string } };
          lineItems: { nodes: { sku: string; refundableQuantity: number; currentQuantity: number }[] };
        };
        userErrors: unknown[];
      };
    }>(
      `mutation ($input: RefundInput!) { refundCreate(input: $input) {
        refund { totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType } } }
        order { displayFinancialStatus totalRefundedSet { shopMoney { amount } } netPaymentSet { shopMoney { amount } }
          lineItems(first: 5) { nodes { sku refundableQuantity currentQuantity } } }
        userErrors { field message } } }`,
      {
        input: {
          orderId,
          note: 'size',
          refundLineItems: [{ lineItemId: teeLineId, quantity: 1, restockType: 'RETURN', locationId: null }],
          transactions: [
            {
              orderId,
              parentId: transaction.parentTransaction.id,
              amount: '25.00',
              gateway: 'manual',
              kind: 'REFUND',
            },
          ],
        },
      },
    );
    expect(refunded.data.refundCreate.userErrors).toEqual([]);
    expect(refunded.data.refundCreate.refund).toMatchObject({
      totalRefundedSet: { shopMoney: { amount: '25.00' } },
      refundLineItems: { nodes: [{ quantity: 1, restockType: 'RETURN' }] },
    });
    expect(refunded.data.refundCreate.order).toMatchObject({
      displayFinancialStatus: 'PARTIALLY_REFUNDED',
      totalRefundedSet: { shopMoney: { amount: '25.00' } },
      netPaymentSet: { shopMoney: { amount: '42.50' } },
      lineItems: {
        nodes: [
          { sku: 'SB-TEE', refundableQuantity: 1, currentQuantity: 1 },
          { sku: 'SB-MUG', refundableQuantity: 1 },
        ],
      },
    });
  });

  it('refundCreate over the refundable quantity answers userErrors and writes nothing', async () => {
    const refused = await h.gql<{
      refundCreate: { refund: null; userErrors: { field: string[]; message: string }[] };
    }>(
      `mutation ($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`,
      { input: { orderId, refundLineItems: [{ lineItemId: teeLineId, quantity: 5 }] } },
    );
    expect(refused.data.refundCreate.refund).toBeNull();
    expect(refused.data.refundCreate.userErrors.length).toBeGreaterThan(0);
    const order = await h.gql<{ order: { refunds: unknown[] } }>(
      `query ($id: ID!) { order(id: $id) { refunds { id } } }`,
      { id: orderId },
    );
    expect(order.data.order.refunds).toHaveLength(1);
  });

  it('returnClose closes the return', async () => {
    const order = await h.gql<{ order: { returns: { nodes: { id: string }[] } } }>(
      `query ($id: ID!) { order(id: $id) { returns(first: 5) { nodes { id } } } }`,
      { id: orderId },
    );
    const closed = await h.gql<{ returnClose: { return: { status: string } } }>(
      `mutation ($id: ID!) { returnClose(id: $id) { return { status } userErrors { message } } }`,
      { id: order.data.order.returns.nodes[0]!.id },
    );
    expect(closed.data.returnClose.return.status).toBe('CLOSED');
  });
});
