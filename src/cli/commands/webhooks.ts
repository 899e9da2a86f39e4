import type { Command } from 'commander';
import { withContext } from '../../runtime/context.ts';
import { syncWebhookSubscriptions, type WebhookSyncReport } from '../../shops/index.ts';
import { printJson, runAction } from '../run-action.ts';

interface SyncOptions {
  shop: string;
  address?: string;
  json?: boolean;
}

/** `storebridge webhooks sync`: the shop's Shopify webhook subscriptions made the wanted set. */
export function registerWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description("the shop's Shopify webhook subscriptions");
  webhooks
    .command('sync')
    .description(
      'subscribe the shop to the topics storebridge needs (auto sync on) or remove our subscriptions (off)',
    )
    .requiredOption('--shop <code>', 'shop code')
    .option('--address <url>', 'public URL Shopify reaches this service at (Default: STOREBRIDGE_PUBLIC_URL)')
    .option('--json', 'print JSON')
    .action(
      runAction((options: SyncOptions) =>
        withContext(async (context) => {
          const report = await syncWebhookSubscriptions(
            { db: context.store.db, secretKey: context.secretKey, logger: context.logger },
            options.shop,
            { publicUrl: options.address ?? context.config.STOREBRIDGE_PUBLIC_URL },
          );
          if (options.json) printJson(report);
          else process.stdout.write(reportText(report));
        }),
      ),
    );
}

export function reportText(report: WebhookSyncReport): string {
  const heading = report.autoSyncOrders
    ? `Shop ${report.shopCode}: webhook subscriptions to ${report.callbackUrl} (JSON)`
    : `Shop ${report.shopCode}: auto sync is off (autoSyncOrders), so our webhook subscriptions are removed`;
  const changes = [
    ['created', report.created],
    ['updated', report.updated],
    ['deleted', report.deleted],
  ] as const;
  const lines = changes
    .filter(([, topics]) => topics.length > 0)
    .map(([what, topics]) => `  ${what}: ${topics.join(', ')}`);
  return [heading, ...lines, report.summary].join('\n') + '\n';
}
