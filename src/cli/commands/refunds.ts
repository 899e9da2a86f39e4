import type { Command } from 'commander';
import { ValidationError } from '../../shared/errors.ts';
import {
  listImportedRefunds,
  processRefunds,
  refundStatuses,
  resolveOrderId,
  type ImportedRefund,
  type RefundResult,
  type RefundStatus,
  type SyncDeps,
} from '../../sync/index.ts';
import { printJson, runAction } from '../run-action.ts';
import { withSync } from './orders.ts';

interface ListOptions {
  shop: string;
  order?: string;
  status?: RefundStatus;
  json?: boolean;
}

interface ProcessOptions {
  shop: string;
  refund?: string[];
  json?: boolean;
}

/**
 * Imported refunds and their way to the books (seed 002 "Returns and refunds"; seed 000: a refund
 * that cannot be processed stays imported with its error). `refunds process` is the operator's
 * command in "import only" mode, and a retry of refunds in error in any mode but "none".
 */
export function registerRefunds(program: Command): void {
  const refunds = program
    .command('refunds')
    .description(
      'imported Shopify refunds: status (pending, waiting, processed, not convertible, error), documents',
    )
    .requiredOption('--shop <code>', 'shop code')
    .option('--order <id>', 'only this order (id, GID or name)')
    .option('--status <status>', 'only refunds in this status')
    .option('--json', 'print JSON')
    .action(runAction((options: ListOptions) => withSync((deps) => list(deps, options))));
  refunds
    .command('process')
    .description('decide and book refunds now: every open one, or those named (also retries errors)')
    .requiredOption('--shop <code>', 'shop code')
    .option('--refund <id...>', 'Shopify refund ids')
    .option('--json', 'print JSON')
    .action(runAction((options: ProcessOptions) => withSync((deps) => processNow(deps, options))));
}

async function list(deps: SyncDeps, options: ListOptions): Promise<void> {
  if (options.status !== undefined && !refundStatuses.includes(options.status))
    throw new ValidationError(`--status: "${options.status}" is not one of ${refundStatuses.join(', ')}`);
  const order = options.order && (await resolveOrderId(deps.db, options.shop, options.order));
  const rows = await listImportedRefunds(deps, options.shop, {
    shopifyOrderId: order || undefined,
    status: options.status,
  });
  if (options.json) return printJson({ refunds: rows });
  if (rows.length === 0) return void process.stdout.write(`No refunds imported in shop ${options.shop}\n`);
  for (const row of rows) process.stdout.write(refundLine(row) + '\n');
}

function refundLine(row: ImportedRefund): string {
  const detail =
    row.status === 'processed'
      ? row.documentNos.join(', ')
      : row.status === 'error'
        ? `${row.errorCode} (${row.attempts} attempts): ${row.errorMessage ?? ''}`
        : (row.errorMessage ?? row.statusReason ?? '');
  return `refund ${row.shopifyRefundId}  order ${row.shopifyOrderId}  ${row.createdAt}  ${row.status}  ${detail}`;
}

async function processNow(deps: SyncDeps, options: ProcessOptions): Promise<void> {
  const results = await processRefunds(deps, options.shop, { shopifyRefundIds: options.refund });
  if (options.json) printJson({ refunds: results });
  else for (const result of results) process.stdout.write(resultLine(result) + '\n');
  if (results.some((result) => result.status === 'error')) process.exitCode = 1;
}

function resultLine(result: RefundResult): string {
  const head = `${result.orderName} refund ${result.shopifyRefundId}`;
  if (result.status === 'processed')
    return `${head}: processed, ${result.documents.map((d) => `${d.type} ${d.number ?? ''}`.trim()).join(', ')}`;
  if (result.status === 'error') return `${head}: not processed (${result.code}): ${result.message}`;
  return `${head}: ${result.status.replace('_', ' ')}: ${result.message}`;
}
