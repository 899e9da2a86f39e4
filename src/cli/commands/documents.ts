import type { Command } from 'commander';
import { documentJson, listDocuments, type DocumentJson } from '../../books/index.ts';
import { withContext } from '../../runtime/context.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { listShops } from '../../shops/index.ts';
import { printJson, runAction } from '../run-action.ts';

export function registerDocuments(program: Command): void {
  program
    .command('documents')
    .description("list a shop's sales documents, or one order's")
    .requiredOption('--shop <code>', 'the shop code')
    .option('--order <id>', 'the Shopify order: numeric id, GID or name (#1001)')
    .option('--json', 'print the documents as JSON (docs/order-import.md)')
    .action(
      runAction(async (options: { shop: string; order?: string; json?: boolean }) => {
        const documents = await withContext(async ({ store }) => {
          const shops = await listShops({ db: store.db });
          if (!shops.some((shop) => shop.code === options.shop))
            throw new NotFoundError(`Shop "${options.shop}" does not exist`);
          return listDocuments(store.db, { shopCode: options.shop, order: options.order });
        });
        const json = documents.map(documentJson);
        if (options.json) return printJson(json);
        if (json.length === 0)
          process.stdout.write(`No documents${options.order ? ` for order ${options.order}` : ''}\n`);
        for (const document of json) process.stdout.write(describe(document));
        // seed 004: Shopify is the source of truth; documents follow the order, not the other way round.
        process.stdout.write(
          'Shopify is the source of truth: change orders in Shopify, the next sync follows.\n',
        );
      }),
    );
}

function describe(d: DocumentJson): string {
  const rate = d.exchangeRate ? ` @ ${d.exchangeRate}` : '';
  const head =
    `${d.number} ${d.type} ${d.status}${d.unlinked ? ' (unlinked)' : ''}  order ${d.shopifyOrderName} (${d.shopifyOrderId})` +
    `  customer ${d.customerNo}  ${d.documentDate}  ${d.currency}${rate}\n`;
  const lines = d.lines.map((l) =>
    [
      `  ${String(l.lineNo).padStart(3)}`,
      l.type.padEnd(11),
      (l.no ?? '').padEnd(10),
      l.description.slice(0, 30).padEnd(30),
      String(l.quantity).padStart(4),
      l.unitPrice.padStart(10),
      l.lineDiscount.padStart(9),
      l.amount.padStart(11),
      l.taxAmount.padStart(9),
      l.locationCode ?? '',
    ].join(' '),
  );
  const total = `  total ${d.amount} + tax ${d.taxAmount} = ${d.amountIncludingTax} ${d.currency}\n`;
  return head + lines.map((line) => `${line}\n`).join('') + total;
}
