import type { Command } from 'commander';
import { withContext } from '../../runtime/context.ts';
import {
  excludeStagedOrders,
  importStagedOrders,
  listOrdersToImport,
  reimportOrder,
  resolveOrderId,
  showImportedOrder,
  syncDeps,
  unlinkOrder,
  type ImportResult,
  type StagedOrder,
  type SyncDeps,
} from '../../sync/index.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

interface ShopOption {
  shop: string;
}
interface OrdersOption extends ShopOption {
  order: string[];
}

/**
 * The orders-to-import page and the order actions of seed 002: list, import selected rows (or
 * retry them), delete rows to exclude them, unlink processed documents, re-import one order.
 * `--order` takes a numeric id, a GID or a name (#1001).
 */
export function registerOrders(program: Command): void {
  const staging = program
    .command('orders-to-import')
    .description('orders waiting to be imported, newest first, with their errors')
    .requiredOption('--shop <code>', 'shop code')
    .option('--json', 'print JSON')
    .action(runAction((options: ShopOption & { json?: boolean }) => withSync((deps) => list(deps, options))));
  staging
    .command('delete')
    .description('delete staged orders to exclude them from the sync (they return when Shopify changes them)')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id...>', 'order ids, GIDs or names')
    .action(runAction((options: OrdersOption) => withSync((deps) => exclude(deps, options))));

  program
    .command('import')
    .description('import selected staged orders now (also retries orders with an error)')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id...>', 'order ids, GIDs or names')
    .option('--create-documents', "create the sales documents even when the shop doesn't auto-create them")
    .action(
      runAction((options: OrdersOption & { createDocuments?: boolean }) =>
        withSync((deps) => importSelected(deps, options)),
      ),
    );

  const orders = program.command('orders').description('imported Shopify orders');
  orders
    .command('show')
    .description('an imported order: status, documents, conflict, refunds')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id>', 'order id, GID or name')
    .action(runAction((options: ShopOption & { order: string }) => withSync((deps) => show(deps, options))));
  orders
    .command('unlink')
    .description('unlink the processed documents so they can be created again (the documents are kept)')
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id>', 'order id, GID or name')
    .action(
      runAction((options: ShopOption & { order: string }) => withSync((deps) => unlink(deps, options))),
    );
  orders
    .command('reimport')
    .description("fetch one order from Shopify again and import it (forces Shopify's state on a conflict)")
    .requiredOption('--shop <code>', 'shop code')
    .requiredOption('--order <id>', 'order id, GID or name')
    .action(
      runAction((options: ShopOption & { order: string }) => withSync((deps) => reimport(deps, options))),
    );
}

export function withSync(work: (deps: SyncDeps) => Promise<void>): Promise<void> {
  return withContext((context) =>
    work(syncDeps({ db: context.store.db, secretKey: context.secretKey, notifier: context.notifier })),
  );
}

async function list(deps: SyncDeps, options: ShopOption & { json?: boolean }): Promise<void> {
  const rows = await listOrdersToImport(deps, options.shop);
  if (options.json) return printJson({ orders: rows });
  if (rows.length === 0)
    return void process.stdout.write(`No orders waiting to be imported in shop ${options.shop}\n`);
  for (const row of rows) process.stdout.write(rowLine(row) + '\n');
}

function rowLine(row: StagedOrder): string {
  const status = `${row.financialStatus ?? '-'}/${row.fulfillmentStatus}`;
  const error = row.hasError ? `  ERROR (${row.attempts} attempts): ${row.errorMessage ?? ''}` : '';
  return `${row.name}  id ${row.shopifyOrderId}  ${row.createdAt}  ${status}  ${row.channel ?? '-'}${error}`;
}

async function exclude(deps: SyncDeps, options: OrdersOption): Promise<void> {
  const ids = await resolveAll(deps, options);
  const deleted = await excludeStagedOrders(deps, options.shop, ids);
  process.stdout.write(`Deleted ${deleted} staged order(s): excluded until Shopify changes them again\n`);
}

async function importSelected(
  deps: SyncDeps,
  options: OrdersOption & { createDocuments?: boolean },
): Promise<void> {
  const ids = await resolveAll(deps, options);
  const staged = new Set((await listOrdersToImport(deps, options.shop)).map((row) => row.shopifyOrderId));
  const missing = ids.find((id) => !staged.has(id));
  if (missing !== undefined) {
    throw new NotFoundError(
      `Order ${missing} is not waiting to be imported in shop "${options.shop}": nothing imported`,
    );
  }
  const results = await importStagedOrders(deps, options.shop, {
    shopifyOrderIds: ids,
    createDocuments: options.createDocuments,
  });
  for (const result of results) process.stdout.write(resultLine(result) + '\n');
  if (results.some((result) => result.status === 'failed')) process.exitCode = 1;
}

export function resultLine(result: ImportResult): string {
  if (result.status === 'failed') return `${result.name}: not imported: ${result.error.message}`;
  const documents = result.documents.map((d) => `${d.type} ${d.number ?? ''}`.trim()).join(', ');
  const conflict = result.conflict ? ' (conflict: see orders show)' : '';
  const writeBack = result.writeBack.status === 'failed' ? `; ${result.writeBack.message}` : '';
  return `${result.name}: imported${documents ? `, ${documents}` : ''}${conflict}${writeBack}`;
}

async function show(deps: SyncDeps, options: ShopOption & { order: string }): Promise<void> {
  const id = await resolveOrderId(deps.db, options.shop, options.order);
  const order = await showImportedOrder(deps, options.shop, id);
  if (!order)
    throw new NotFoundError(`Order ${options.order} has not been imported in shop "${options.shop}"`);
  printJson(order);
}

async function unlink(deps: SyncDeps, options: ShopOption & { order: string }): Promise<void> {
  const id = await resolveOrderId(deps.db, options.shop, options.order);
  const { unlinked } = await unlinkOrder(deps, options.shop, id);
  const documents = unlinked.length > 0 ? unlinked.join(', ') : 'no documents';
  process.stdout.write(
    `Order ${id} unlinked from ${documents}; the documents are kept, process them by hand\n`,
  );
}

async function reimport(deps: SyncDeps, options: ShopOption & { order: string }): Promise<void> {
  const id = await resolveOrderId(deps.db, options.shop, options.order);
  const result = await reimportOrder(deps, options.shop, id);
  process.stdout.write(resultLine(result) + '\n');
  if (result.status === 'failed') process.exitCode = 1;
}

async function resolveAll(deps: SyncDeps, options: OrdersOption): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of options.order) ids.push(await resolveOrderId(deps.db, options.shop, ref));
  return ids;
}
