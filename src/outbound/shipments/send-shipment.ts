import type { Actor } from '../../access/index.ts';
import { findShippingAgent, loadShipments, type SalesShipment } from '../../books/shipments/index.ts';
import { planFulfillments, recogniseSentFulfillments } from '../../rules/shipment-fulfillments.ts';
import { shipmentTracking } from '../../rules/shipment-tracking.ts';
import { AppError } from '../../shared/errors.ts';
import {
  createFulfillment,
  fetchOrder,
  fetchShipmentFulfillmentOrders,
  type FulfillmentCreateInput,
} from '../../shopify/index.ts';
import type { ShopConnection } from '../../shops/index.ts';
import type { ShipmentClients, ShipmentsDeps } from './shipments-deps.ts';
import {
  finishSend,
  markAttemptStarted,
  recordedFulfillmentIds,
  recordFulfillment,
} from './shipment-send-state.ts';

export interface ShipmentSendResult {
  number: string;
  shopifyOrderName: string;
  status: SalesShipment['sendStatus'];
  fulfillmentIds: string[];
  /** Shopify's message on a failure; the lines not sent on a sent shipment. */
  message: string | null;
}

/**
 * Sends one posted shipment as fulfillment(s) (seed 002 "Synchronize shipments to Shopify"):
 * claim -> recognise what an interrupted attempt created -> plan (pure) -> one fulfillmentCreate
 * per location, each recorded with its audit entry as soon as Shopify answers. Never inside a
 * database transaction. A failure is kept on the shipment with Shopify's message, for the next run.
 */
export async function sendShipment(
  deps: ShipmentsDeps,
  actor: Actor,
  connection: ShopConnection,
  clients: ShipmentClients,
  shipment: SalesShipment,
): Promise<ShipmentSendResult> {
  const now = deps.now ?? (() => new Date());
  let current = shipment;
  // The claim, before anything is read or sent: of two runs racing for this shipment only one goes
  // on; it also marks that an attempt may reach Shopify from now on.
  if (!(await markAttemptStarted(deps.db, shipment, shipment.attemptStartedAt, now())))
    return { ...result(await reload(deps, shipment)), message: 'another run is sending this shipment' };
  try {
    if (shipment.attemptStartedAt !== null)
      current = await recoverEarlierAttempt(deps, actor, clients, shipment);
    const unsent = current.lines.filter((l) => l.shopifyFulfillmentId === null);
    const fulfillmentOrders =
      unsent.length === 0 ? [] : await fetchShipmentFulfillmentOrders(clients.reads, current.shopifyOrderId);
    const plan = planFulfillments({
      shipmentNo: current.number,
      orderName: current.shopifyOrderName,
      lines: unsent,
      fulfillmentOrders,
      locationMappings: connection.settings.locationMappings,
    });
    if (!plan.ok) {
      await finishSend(deps.db, current, 'failed', {
        message: plan.error.message,
        keepAttempt: false,
        at: now(),
        // Refused by us before anything went to Shopify: no answer of Shopify's, our reason in the request.
        audit: {
          actor,
          outcome: 'refused',
          request: { shipment: current.number, refused: plan.error },
          shopifyAnswer: null,
        },
      });
      return result(await reload(deps, current));
    }
    const agent =
      current.shippingAgentCode === null ? null : await findShippingAgent(deps.db, current.shippingAgentCode);
    const trackingInfo = shipmentTracking({
      trackingNumber: current.trackingNumber,
      trackingUrl: current.trackingUrl,
      agent,
    });
    for (const fulfillment of plan.fulfillments) {
      const request: FulfillmentCreateInput = {
        lineItemsByFulfillmentOrder: fulfillment.lineItemsByFulfillmentOrder,
        trackingInfo,
        // seed 002 "Send Shipping Confirmation": off for digital goods or another notification.
        notifyCustomer: connection.settings.sendShippingConfirmation,
        message: `storebridge shipment ${current.number}`,
      };
      const answer = await createFulfillment(clients.writes, request);
      if (!answer.ok) {
        const message = answer.userErrors.map((e) => e.message).join('; ');
        await finishSend(deps.db, current, 'failed', {
          message: `Shopify refused the fulfillment of ${current.shopifyOrderName}: ${message}`,
          keepAttempt: false,
          at: now(),
          audit: { actor, outcome: 'refused', request, shopifyAnswer: { userErrors: answer.userErrors } },
        });
        return result(await reload(deps, current));
      }
      await recordFulfillment(
        deps.db,
        current,
        new Map(fulfillment.lineNos.map((lineNo) => [lineNo, answer.fulfillment.id])),
        { actor, outcome: 'succeeded', request, shopifyAnswer: { fulfillment: answer.fulfillment } },
      );
    }
    current = await reload(deps, current);
    const sentLines = current.lines.filter((l) => l.shopifyFulfillmentId !== null);
    const notSent = plan.notSendable.map((l) => l.message).join('; ') || null;
    await finishSend(deps.db, current, sentLines.length > 0 ? 'sent' : 'not_sendable', {
      message: notSent,
      keepAttempt: false,
      at: now(),
    });
    return result(await reload(deps, current));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Throttled: Shopify did not run it. Anything else (a timeout, a 5xx) may have reached
    // Shopify: the attempt stays marked and the next run looks for its fulfillment first.
    const ranNothing = error.code === 'shopify_throttled';
    const reloaded = await reload(deps, current);
    await finishSend(deps.db, reloaded, 'failed', {
      message: `${error.code}: ${error.message}`,
      keepAttempt: !ranNothing && reloaded.attemptStartedAt !== null,
      at: now(),
      audit: {
        actor,
        outcome: 'failed',
        request: { shipment: current.number },
        shopifyAnswer: { error: error.code, message: error.message },
      },
    });
    return result(await reload(deps, current));
  }
}

/**
 * We may have died after Shopify created a fulfillment and before we recorded it: its id is
 * found on the order (recogniseSentFulfillments) and recorded, so nothing is sent twice.
 */
async function recoverEarlierAttempt(
  deps: ShipmentsDeps,
  actor: Actor,
  clients: ShipmentClients,
  shipment: SalesShipment,
): Promise<SalesShipment> {
  const fetched = await fetchOrder(clients.reads, shipment.shopifyOrderId);
  if (!fetched) return shipment;
  const found = recogniseSentFulfillments({
    attemptStartedAt: shipment.attemptStartedAt!,
    trackingNumber: shipment.trackingNumber,
    unsentLines: shipment.lines.filter((l) => l.shopifyFulfillmentId === null),
    fulfillments: fetched.order.fulfillments,
    recordedFulfillmentIds: await recordedFulfillmentIds(deps.db, shipment.shopCode, shipment.shopifyOrderId),
  });
  if (found.size === 0) return shipment;
  await recordFulfillment(deps.db, shipment, found, {
    actor,
    outcome: 'succeeded',
    request: { shipment: shipment.number, recovered: true },
    shopifyAnswer: { recognisedFulfillmentIds: [...new Set(found.values())] },
  });
  return reload(deps, shipment);
}

async function reload(deps: ShipmentsDeps, shipment: SalesShipment): Promise<SalesShipment> {
  const [found] = await loadShipments(deps.db, { number: shipment.number });
  return found!;
}

function result(shipment: SalesShipment): ShipmentSendResult {
  return {
    number: shipment.number,
    shopifyOrderName: shipment.shopifyOrderName,
    status: shipment.sendStatus,
    fulfillmentIds: [
      ...new Set(shipment.lines.flatMap((l) => (l.shopifyFulfillmentId ? [l.shopifyFulfillmentId] : []))),
    ],
    message: shipment.lastError,
  };
}
