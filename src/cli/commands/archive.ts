import type { Command } from 'commander';
import { cliActor } from '../../access/index.ts';
import { archiveOrders, type ArchiveSummary } from '../../outbound/index.ts';
import { withContext } from '../../runtime/context.ts';
import { printJson, runAction } from '../run-action.ts';

interface ArchiveCliOptions {
  shop: string;
  dryRun?: boolean;
  json?: boolean;
  apiKey?: string;
}

/** `storebridge orders archive` (seed 002 "Archive orders", docs/agent-actions.md). */
export function registerArchive(program: Command): void {
  const orders = program.commands.find((command) => command.name() === 'orders') ?? program.command('orders');
  orders
    .command('archive')
    .description('archive (close) processed, fully paid and fulfilled orders in Shopify and here')
    .requiredOption('--shop <code>', 'shop code')
    .option('--dry-run', 'list the orders that would be archived; send nothing')
    .option('--json', 'print JSON')
    .option('--api-key <key>', 'your API key (Default: STOREBRIDGE_API_KEY)')
    .action(
      runAction((options: ArchiveCliOptions) =>
        withContext(async ({ store, secretKey }) => {
          const actor = await cliActor(store.db, options.apiKey);
          const summary = await archiveOrders({ db: store.db, secretKey }, options.shop, {
            actor,
            dryRun: options.dryRun,
          });
          if (options.json) printJson(summary);
          else process.stdout.write(summaryText(summary));
          if (summary.failed.length > 0) process.exitCode = 1;
        }),
      ),
    );
}

function summaryText(summary: ArchiveSummary): string {
  const verb = summary.dryRun ? 'would archive' : 'archived';
  const lines = summary.archived.map(
    (o) =>
      `${o.name}  id ${o.shopifyOrderId}  ${verb}${o.alreadyClosed ? ' (already closed in Shopify)' : ''}`,
  );
  for (const f of summary.failed) lines.push(`${f.name}  id ${f.shopifyOrderId}  not archived: ${f.message}`);
  lines.push(`${summary.archived.length} order(s) ${verb}, ${summary.failed.length} failed`);
  return lines.join('\n') + '\n';
}
