import type { Command } from 'commander';
import {
  reconcileOrders,
  reconciliationJson,
  resolveOrderId,
  summaryLine,
  type Finding,
  type SyncDeps,
} from '../../sync/index.ts';
import { formatMoney } from '../../money/index.ts';
import { printJson, runAction } from '../run-action.ts';
import { withSync } from './orders.ts';

interface ReconcileOptions {
  shop: string;
  order?: string;
  json?: boolean;
}

/**
 * `reconcile` (issue 6 item 6): Shopify's figures against the books for every imported order and
 * refund, each difference with its cause. Exit code 1 when there is a difference, so a scheduled
 * run or a CI job notices; expected ones (a refund waiting, import only) do not count.
 */
export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description(
      "compare Shopify's figures (received, refunded, restocked) with the books (sales documents, credit memos, customer refunds, stock) per order and refund",
    )
    .requiredOption('--shop <code>', 'shop code')
    .option('--order <id>', 'only this order (id, GID or name)')
    .option('--json', 'print JSON: summary, differences, expected')
    .action(runAction((options: ReconcileOptions) => withSync((deps) => reconcile(deps, options))));
}

async function reconcile(deps: SyncDeps, options: ReconcileOptions): Promise<void> {
  const shopifyOrderId =
    options.order === undefined ? undefined : await resolveOrderId(deps.db, options.shop, options.order);
  const report = await reconcileOrders(deps, options.shop, { shopifyOrderId });
  if (options.json) printJson(reconciliationJson(report));
  else {
    for (const finding of report.differences) process.stdout.write(findingLine('difference', finding) + '\n');
    for (const finding of report.expected)
      process.stdout.write(findingLine(`expected (${finding.expected})`, finding) + '\n');
    process.stdout.write(summaryLine(report) + '\n');
  }
  if (report.differences.length > 0) process.exitCode = 1;
}

function findingLine(kind: string, f: Finding): string {
  const figure = (value: Finding['shopify']) =>
    value === null ? '-' : typeof value === 'number' ? String(value) : formatMoney(value);
  const refund = f.shopifyRefundId === null ? '' : ` refund ${f.shopifyRefundId}`;
  const item = f.itemNo === null ? '' : ` item ${f.itemNo}`;
  return `${kind}  ${f.cause}  ${f.orderName} (${f.shopifyOrderId})${refund}${item}  shopify ${figure(f.shopify)}  books ${figure(f.books)}  ${f.message}`;
}
