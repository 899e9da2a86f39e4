import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, type Action, type Actor } from '../../access/index.ts';
import { syncDeps } from '../../sync/index.ts';
import type { ApiDependencies } from '../../http/api/api-routes.ts';
import { cancelAgentOrder, cancelReasons } from './cancel-order.ts';
import { createAgentRefund } from './create-refund.ts';
import { markAgentOrderAsPaid } from './mark-order-as-paid.ts';
import type { OutboundDeps } from './outbound-deps.ts';
import { previewRefund } from './preview-refund.ts';
import { discrepancyReasons, restockChoices } from './refund-choice.ts';
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

const markAsPaidBody = {
  type: 'object',
  additionalProperties: false,
  properties: { idempotencyKey: key },
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

  /** POST /api/shops/:code/orders/:order/<path>: `run` on the order with the body, answered by `respond`. */
  function postOrderAction<B extends object, R>(
    path: string,
    permission: Action,
    body: object,
    run: (deps: OutboundDeps, actor: Actor, shopCode: string, order: string, request: B) => Promise<R>,
    respond: (reply: FastifyReply, result: R) => unknown,
  ): void {
    app.post<OrderParams & { Body: object | undefined }>(
      `/api/shops/:code/orders/:order/${path}`,
      { config: { permission }, schema: { body } },
      async (request, reply) =>
        respond(
          reply,
          // The schema checked the body; every field is optional, so no body is the empty request.
          await run(
            deps,
            actorOf(request),
            request.params.code,
            request.params.order,
            (request.body ?? {}) as B,
          ),
        ),
    );
  }

  postOrderAction('refund-preview', 'refund.preview', refundBody, previewRefund, (_reply, preview) =>
    previewJson(preview),
  );
  postOrderAction('refunds', 'refund.create', refundBody, createAgentRefund, answer);
  postOrderAction('cancel', 'order.cancel', cancelBody, cancelAgentOrder, answer);
  postOrderAction('mark-as-paid', 'order.mark_as_paid', markAsPaidBody, markAgentOrderAsPaid, answer);
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
