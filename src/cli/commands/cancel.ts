import type { Command } from 'commander';
import { cancelAgentOrder, markAgentOrderAsPaid, type CancelRequest } from '../../outbound/index.ts';
import { runAction } from '../run-action.ts';
import { printOutcome, withAgent } from './agent-cli.ts';

interface CancelOptions {
  shop: string;
  order: string;
  reason?: CancelRequest['reason'];
  restock?: boolean;
  notify?: boolean;
  staffNote?: string;
  refundAmount?: string;
  idempotencyKey?: string;
  json?: boolean;
  apiKey?: string;
}

/**
 * `storebridge cancel` (seed 001 "Canceling an order", seed 002 "Cancel Order") and
 * `storebridge mark-paid` (seed 002 "Mark as Paid"), docs/agent-actions.md.
 */
export function registerCancel(program: Command): void {
  program
    .command('cancel')
    .description('cancel an order in Shopify (by default everything paid is refunded)')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id>', 'order id, GID or name (#1001)')
    .option(
      '--reason <reason>',
      'customer | fraud | inventory | declined | staff | other (Default: customer)',
    )
    .option('--restock', 'put the units back in stock')
    .option('--notify', 'Shopify notifies the customer')
    .option('--staff-note <text>', 'staff-only note (at most 255 characters)')
    .option('--refund-amount <amount>', 'refund only this amount instead of everything paid')
    .option('--idempotency-key <key>', 'Default: derived from the request')
    .option('--json', 'print JSON')
    .option('--api-key <key>', 'your API key (Default: STOREBRIDGE_API_KEY)')
    .action(
      runAction((options: CancelOptions) =>
        withAgent(options.apiKey, async (deps, actor) => {
          const { shop, order, json, apiKey: _key, ...request } = options;
          printOutcome(await cancelAgentOrder(deps, actor, shop, order, request), json, (r) =>
            [
              `order ${r.shopifyOrderId} cancelled`,
              r.refund ? `refund ${r.refund.shopifyRefundId} ${r.refund.total} ${r.refund.currency}` : '',
              r.refundUserErrors.length > 0
                ? `refund refused: ${r.refundUserErrors.map((e) => e.message).join('; ')}`
                : '',
            ]
              .filter(Boolean)
              .join('  '),
          );
        }),
      ),
    );
  program
    .command('mark-paid')
    .description('mark an order paid outside Shopify (B2B) as paid in Shopify')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id>', 'order id, GID or name (#1001)')
    .option('--idempotency-key <key>', 'Default: derived from the order')
    .option('--json', 'print JSON')
    .option('--api-key <key>', 'your API key (Default: STOREBRIDGE_API_KEY)')
    .action(
      runAction((options: Pick<CancelOptions, 'shop' | 'order' | 'idempotencyKey' | 'json' | 'apiKey'>) =>
        withAgent(options.apiKey, async (deps, actor) => {
          const outcome = await markAgentOrderAsPaid(deps, actor, options.shop, options.order, {
            idempotencyKey: options.idempotencyKey,
          });
          printOutcome(
            outcome,
            options.json,
            (r) => `order ${r.shopifyOrderId} marked as paid (${r.financialStatus ?? '-'})`,
          );
        }),
      ),
    );
}
