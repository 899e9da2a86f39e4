import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../../access/index.ts';
import { documentJson, postBackOfficeInvoice } from '../../books/index.ts';
import { formatMoney } from '../../money/index.ts';
import {
  exportInvoices,
  listInvoiceExports,
  resetInvoiceExport,
  type InvoiceExportResult,
} from '../../outbound/index.ts';
import { withContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

type KeyOption = { apiKey?: string; json?: boolean };

/**
 * Back-office sales invoices and their export to Shopify (seed 002 "Export posted sales invoices
 * to Shopify"; docs/invoice-export.md). Posting and exporting act for a user (`--api-key` or
 * STOREBRIDGE_API_KEY) and need the invoices.export permission.
 */
export function registerInvoices(program: Command): void {
  const invoices = program
    .command('invoices')
    .description('back-office sales invoices and their export to Shopify as orders');
  invoices
    .command('post')
    .description('create and post a sales invoice from a JSON file (docs/invoice-export.md)')
    .requiredOption('--file <json>', 'the invoice: shop, customerNo, lines, ...')
    .option('--api-key <key>', 'your API key (default: STOREBRIDGE_API_KEY)')
    .option('--json', 'print the posted document as JSON')
    .action(runAction((options: KeyOption & { file: string }) => post(options)));
  invoices
    .command('list')
    .description(
      "back-office invoices with their Shopify Order ID: 0, the order's id, -1 failed, -2 excluded",
    )
    .requiredOption('--shop <code>', 'shop code')
    .option('--json', 'print JSON')
    .action(
      runAction(async (options: { shop: string; json?: boolean }) => {
        const rows = await withContext(({ store }) => listInvoiceExports(store.db, options.shop));
        if (options.json) return printJson({ invoices: rows });
        for (const row of rows)
          process.stdout.write(
            `${row.documentNo}  ${row.customerNo}  ${row.amountIncludingTax} ${row.currency}  Shopify Order ID ${row.shopifyOrderId}${row.message ? `  ${row.message}` : ''}\n`,
          );
      }),
    );
  invoices
    .command('export')
    .description(
      "export the shop's posted back-office invoices that qualify: draft order -> order, fulfilled",
    )
    .requiredOption('--shop <code>', 'shop code')
    .option('--api-key <key>', 'your API key (default: STOREBRIDGE_API_KEY)')
    .option('--json', 'print JSON')
    .action(runAction((options: KeyOption & { shop: string }) => exportNow(options)));
  invoices
    .command('reset-export')
    .description('put a failed (-1) or excluded (-2) invoice back to 0 so the next export tries it again')
    .requiredOption('--document <no>', 'the invoice no. (SI-000012)')
    .option('--api-key <key>', 'your API key (default: STOREBRIDGE_API_KEY)')
    .action(
      runAction((options: KeyOption & { document: string }) =>
        withContext(async ({ store }) => {
          const actor = await cliActor(store.db, options.apiKey);
          const reset = await resetInvoiceExport({ db: store.db }, actor, { documentNo: options.document });
          process.stdout.write(`${reset.documentNo}: ${reset.previous} -> not exported (0)\n`);
        }),
      ),
    );
}

async function post(options: KeyOption & { file: string }): Promise<void> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(options.file, 'utf8'));
  } catch (error) {
    throw new ValidationError(`--file: ${options.file} is not readable JSON (${(error as Error).message})`);
  }
  await withContext(async ({ store, secretKey }) => {
    const actor = await cliActor(store.db, options.apiKey);
    const posted = await postBackOfficeInvoice({ db: store.db, secretKey }, actor, input);
    if (options.json)
      return printJson({
        document: documentJson(posted.document),
        remainingAmount: formatMoney(posted.remainingAmount),
      });
    const { document } = posted;
    process.stdout.write(
      `${document.number} posted: ${formatMoney(document.amountIncludingTax)} ${document.currency} for customer ${document.customerNo}\n`,
    );
  });
}

async function exportNow(options: KeyOption & { shop: string }): Promise<void> {
  const results = await withContext(async ({ store, secretKey }) => {
    const actor = await cliActor(store.db, options.apiKey);
    return exportInvoices({ db: store.db, secretKey }, actor, { shopCode: options.shop });
  });
  if (options.json) printJson({ results });
  else if (results.length === 0) process.stdout.write(`Nothing to export in shop ${options.shop}\n`);
  else for (const result of results) process.stdout.write(resultLine(result) + '\n');
  if (results.some((result) => result.outcome === 'failed')) process.exitCode = 1;
}

function resultLine(result: InvoiceExportResult): string {
  if (result.outcome === 'exported')
    return `${result.documentNo}: exported as order ${result.orderName} (${result.shopifyOrderId}), ${result.paidStatus.replace('_', ' ')}, fulfilled`;
  const field = result.outcome === 'excluded' ? '-2' : '-1';
  return `${result.documentNo}: ${result.outcome} (${field}, ${result.code}): ${result.message}`;
}
