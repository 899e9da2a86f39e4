import type { Command } from 'commander';
import {
  createAgentRefund,
  previewJson,
  previewRefund,
  type RefundPreviewJson,
  type RefundRequest,
} from '../../outbound/index.ts';
import { ValidationError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';
import { printOutcome, withAgent } from './agent-cli.ts';

interface RefundOptions {
  shop: string;
  order: string;
  line?: string[];
  all?: boolean;
  restock?: RefundRequest['restock'];
  location?: string;
  shipping?: string;
  reason?: string;
  amount?: string;
  discrepancyReason?: RefundRequest['discrepancyReason'];
  currency?: string;
  notify?: boolean;
  idempotencyKey?: string;
  json?: boolean;
  apiKey?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `storebridge refund preview|create` (issue 8 item 2, docs/agent-actions.md): an agent's refund,
 * previewed with Shopify's own calculation, then created exactly once per idempotency key.
 */
export function registerRefund(program: Command): void {
  const refund = program.command('refund').description("an agent's refund in Shopify: preview, then create");
  for (const [name, description] of [
    ['preview', "Shopify's calculation of the refund (nothing is sent)"],
    ['create', 'create the refund in Shopify (once per idempotency key), then sync the order'],
  ] as const)
    refund
      .command(name)
      .description(description)
      .requiredOption('--shop <code>', 'shop code')
      .requiredOption('--order <id>', 'order id, GID or name (#1001)')
      .option('--line <lineItemId|sku:qty>', 'a line and how many units (repeatable)', collect)
      .option('--all', 'every refundable unit and all remaining shipping')
      .option('--restock <type>', 'return | cancel | no_restock (Default: no_restock)')
      .option('--location <id>', 'where restocked units go (Default: the location Shopify suggests)')
      .option('--shipping <full|amount>', 'refund all remaining shipping, or this amount')
      .option('--reason <text>', 'kept as the refund note, visible to staff only')
      .option('--amount <total>', 'manual total that overrides the calculated amount')
      .option('--discrepancy-reason <reason>', 'restock | damage | customer | other (Default: other)')
      .option(
        '--currency <code>',
        "the order's currency; required for amounts on an order paid in another currency",
      )
      .option('--notify', 'Shopify notifies the customer')
      .option(
        '--idempotency-key <key>',
        'Default: derived from the request, so a repeated identical request refunds once',
      )
      .option('--json', 'print JSON')
      .option('--api-key <key>', 'your API key (Default: STOREBRIDGE_API_KEY)')
      .action(
        runAction((options: RefundOptions) =>
          withAgent(options.apiKey, async (deps, actor) => {
            const request = refundRequest(options);
            if (name === 'preview') {
              const preview = previewJson(
                await previewRefund(deps, actor, options.shop, options.order, request),
              );
              return options.json ? printJson(preview) : printPreview(preview);
            }
            const outcome = await createAgentRefund(deps, actor, options.shop, options.order, request);
            printOutcome(
              outcome,
              options.json,
              (r) => `refund ${r.shopifyRefundId}  order ${r.shopifyOrderId}  ${r.total} ${r.currency}`,
            );
          }),
        ),
      );
}

/** `--line <id|sku>:<qty>` lines and the other options as the use case takes them. */
export function refundRequest(options: RefundOptions): RefundRequest {
  const lines = (options.line ?? []).map((text, index) => {
    const match = /^(.+):([0-9]+)$/.exec(text.trim());
    if (!match)
      throw new ValidationError(`--line: "${text}" is not <lineItemId|sku>:<quantity>`, [
        { path: `lines.${index}`, message: `"${text}" is not <lineItemId|sku>:<quantity>` },
      ]);
    return { line: match[1]!, quantity: Number(match[2]) };
  });
  return {
    ...(lines.length > 0 && { lines }),
    all: options.all,
    restock: options.restock,
    location: options.location,
    shipping: options.shipping,
    reason: options.reason,
    amount: options.amount,
    discrepancyReason: options.discrepancyReason,
    currency: options.currency,
    notify: options.notify,
    idempotencyKey: options.idempotencyKey,
  };
}

function printPreview(preview: RefundPreviewJson): void {
  const c = preview.currency;
  const out = [
    `Refund of order ${preview.shopifyOrderId} (amounts in ${c}, the customer's currency)`,
    ...preview.lines.map(
      (l) =>
        `  ${l.quantity} x ${l.sku ?? l.title} (line ${l.lineShopifyId})  ${l.subtotal}  restock ${l.restock}${l.locationShopifyId ? ` at ${l.locationShopifyId}` : ''}`,
    ),
    `  subtotal ${preview.subtotal}  discounts ${preview.discounts}  tax ${preview.tax}`,
    `  shipping ${preview.shipping} (refundable ${preview.shippingRefundable})`,
    `  total ${preview.total} ${c}${preview.total === preview.calculatedTotal ? '' : ` (manual; calculated ${preview.calculatedTotal})`}  = ${preview.shopTotal} ${preview.shopCurrency} shop money`,
    ...preview.payments.map((p) => `  to ${p.gateway}: ${p.amount} (at most ${p.maximumRefundable})`),
  ];
  process.stdout.write(out.join('\n') + '\n');
}
