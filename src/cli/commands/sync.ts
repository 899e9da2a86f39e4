import type { Command } from 'commander';
import {
  previewOrders,
  syncOrders,
  type SyncProgress,
  type SyncSummary,
  type SyncDeps,
} from '../../sync/index.ts';
import { printJson, runAction } from '../run-action.ts';
import { registerOrders, withSync } from './orders.ts';

interface SyncOptions {
  shop: string;
  bulk?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** seed 004 3.4 and 6: said on every sync, so nobody edits imported orders locally. */
export const sourceOfTruthNotice =
  'Shopify is the source of truth: change orders in Shopify; local edits to imported orders are overwritten by the next sync.';

/** `storebridge sync orders` and, beside it, the order commands of orders.ts. */
export function registerSync(program: Command): void {
  const sync = program.command('sync').description('bring changes over from Shopify');
  sync
    .command('orders')
    .description('stage orders changed in Shopify since the last sync, then import each one')
    .requiredOption('--shop <code>', 'shop code')
    .option('--bulk', 'backfill through a bulk operation (the first sync always does)')
    .option('--dry-run', 'show the documents that would be created, write nothing')
    .option('--json', 'print JSON')
    .action(runAction((options: SyncOptions) => withSync((deps) => run(deps, options))));
  registerOrders(program);
}

async function run(deps: SyncDeps, options: SyncOptions): Promise<void> {
  if (!options.json) process.stdout.write(`${sourceOfTruthNotice}\n`);
  if (options.dryRun) {
    const orders = await previewOrders(deps, options.shop, { bulk: options.bulk });
    if (options.json) return printJson({ dryRun: true, orders });
    for (const entry of orders) {
      const docs = entry.documents.map((d) => JSON.stringify(d.json ?? d, null, 2)).join('\n');
      const error = entry.error ? ` would fail: ${entry.error.message}` : '';
      process.stdout.write(
        `${entry.name} (id ${entry.shopifyOrderId}): ${entry.outcome}${error}\n${docs ? docs + '\n' : ''}`,
      );
    }
    process.stdout.write(`Dry run: ${orders.length} order(s) read, nothing written\n`);
    return;
  }
  const progress = progressBar();
  const summary = await syncOrders(deps, options.shop, { bulk: options.bulk, onProgress: progress.update });
  progress.done();
  if (options.json) return printJson({ sourceOfTruth: 'shopify', ...summary });
  process.stdout.write(summaryText(summary));
  if (summary.errors.length > 0) process.exitCode = 1;
}

export function summaryText(summary: SyncSummary): string {
  const lines = [
    `staged ${summary.staged}, imported ${summary.imported}, errors ${summary.errors.length}, skipped ${summary.skipped}` +
      (summary.conflicts > 0 ? `, conflicts ${summary.conflicts}` : ''),
    ...summary.errors.map((e) => `  ${e.name} (id ${e.shopifyOrderId}): ${e.message}`),
    ...refundLines(summary),
    ...summary.warnings.map((w) => `  warning: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

function refundLines(summary: SyncSummary): string[] {
  const { processed, waiting, not_convertible: notConvertible, error } = summary.refunds;
  if (processed + waiting + notConvertible + error === 0) return [];
  return [
    `refunds: processed ${processed}, waiting ${waiting}, not convertible ${notConvertible}, errors ${error}`,
    ...summary.refundErrors.map((e) => `  ${e.orderName} refund ${e.shopifyRefundId}: ${e.message}`),
  ];
}

/** A one-line bar on a terminal (stderr, so stdout stays clean for pipes); nothing otherwise. */
function progressBar(): { update: (progress: SyncProgress) => void; done: () => void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  return {
    update({ fetched, imported, failed }) {
      // Shopify does not say up front how many orders a sync will read: the imported (or failed)
      // share of those fetched so far, with both counts.
      const width = 30;
      const done = imported + failed;
      const filled = fetched > 0 ? Math.min(width, Math.round((done / fetched) * width)) : 0;
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      stream.write(`\rsync ${bar} fetched ${fetched}, imported ${imported}, failed ${failed}`.padEnd(70));
    },
    done: () => void stream.write('\r'.padEnd(71) + '\r'),
  };
}
