import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../../access/index.ts';
import { syncDeps } from '../../sync/index.ts';
import type { ApiDependencies } from '../../http/api/api-routes.ts';
import { cancelAgentOrder, cancelReasons, type CancelRequest } from './cancel-order.ts';
import { createAgentRefund } from './create-refund.ts';
import { markAgentOrderAsPaid } from './mark-order-as-paid.ts';
import type { OutboundDeps } from './outbound-deps.ts';
import { previewRefund } from './preview-refund.ts';
import { discrepancyReasons, restockChoices, type RefundRequest } from './refund-choice.ts';
import { previewJson } from './refund-json.ts';
import type { OutboundOutcome } from './send-once.ts';

type OrderParams = { Params: { code: string; order: string } };
const decimal = '^[0-9]+(\\.[0-9]+)?$';
const key = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** The agent's refund as JSON (docs/agent-actions.md): money as decimal strings. */
const refundBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'quantity'],
        additionalProperties: false,
        properties: { line: { type: 'string', minLength: 1 }, quantity: { type: 'integer', minimum: 1 } },
      },
    },
    all: { type: 'boolean' },
    restock: { type: 'string', enum: [...restockChoices] },
    location: { type: 'string', minLength: 1 },
    shipping: { type: 'string', pattern: `^full$|${decimal}` },
    reason: { type: 'string', maxLength: 255 },
    amount: { type: 'string', pattern: decimal },
    discrepancyReason: { type: 'string', enum: [...discrepancyReasons] },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    notify: { type: 'boolean' },
    idempotencyKey: key,
  },
} as const;

const cancelBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: { type: 'string', enum: [...cancelReasons] },
    restock: { type: 'boolean' },
    notify: { type: 'boolean' },
    staffNote: { type: 'string' },
    refundAmount: { type: 'string', pattern: decimal },
    idempotencyKey: key,
  },
} as const;

/**
 * POST /api/shops/:code/orders/:order/refund-preview | refunds | cancel | mark-as-paid (issue 8
 * items 2-4), the CLI's twins. Shopify's refusal is answered 422 `shopify_refused` with its user
 * errors verbatim; a replay of a key that succeeded answers 200 with `replayed: true`.
 */
export function registerRefundActionRoutes(app: FastifyInstance, api: ApiDependencies): void {
  const deps: OutboundDeps = {
    sync: syncDeps({
      db: api.store.db,
      secretKey: api.secretKey,
      logger: api.logger,
      notifier: api.notifier,
    }),
    logger: api.logger,
  };

  app.post<OrderParams & { Body: RefundRequest | undefined }>(
    '/api/shops/:code/orders/:order/refund-preview',
    { config: { permission: 'refund.preview' }, schema: { body: refundBody } },
    async (request) =>
      previewJson(
        await previewRefund(
          deps,
          actorOf(request),
          request.params.code,
          request.params.order,
          request.body ?? {},
        ),
      ),
  );

  app.post<OrderParams & { Body: RefundRequest | undefined }>(
    '/api/shops/:code/orders/:order/refunds',
    { config: { permission: 'refund.create' }, schema: { body: refundBody } },
    async (request, reply) =>
      answer(
        reply,
        await createAgentRefund(
          deps,
          actorOf(request),
          request.params.code,
          request.params.order,
          request.body ?? {},
        ),
      ),
  );

  app.post<OrderParams & { Body: CancelRequest | undefined }>(
    '/api/shops/:code/orders/:order/cancel',
    { config: { permission: 'order.cancel' }, schema: { body: cancelBody } },
    async (request, reply) =>
      answer(
        reply,
        await cancelAgentOrder(
          deps,
          actorOf(request),
          request.params.code,
          request.params.order,
          request.body ?? {},
        ),
      ),
  );

  app.post<OrderParams & { Body: { idempotencyKey?: string } | undefined }>(
    '/api/shops/:code/orders/:order/mark-as-paid',
    {
      config: { permission: 'order.mark_as_paid' },
      schema: { body: { type: 'object', additionalProperties: false, properties: { idempotencyKey: key } } },
    },
    async (request, reply) =>
      answer(
        reply,
        await markAgentOrderAsPaid(
          deps,
          actorOf(request),
          request.params.code,
          request.params.order,
          request.body ?? {},
        ),
      ),
  );
}

/** 200 with the result, or 422 with Shopify's user errors verbatim (nothing recorded as done). */
function answer<R>(reply: FastifyReply, outcome: OutboundOutcome<R> & { sync?: unknown }) {
  if (outcome.ok) return outcome;
  return reply.status(422).send({
    error: {
      code: outcome.code,
      message: `Shopify refused: ${outcome.userErrors.map((e) => e.message).join('; ')}`,
      userErrors: outcome.userErrors,
    },
    idempotencyKey: outcome.idempotencyKey,
  });
}
