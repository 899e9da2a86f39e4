import type { Command } from 'commander';
import { cliActor } from '../../access/index.ts';
import {
  listShipments,
  listShippingAgents,
  postShipment,
  resetShipment,
  setShippingAgent,
  type SalesShipment,
} from '../../books/shipments/index.ts';
import { syncShipments, type SyncShipmentsSummary } from '../../outbound/index.ts';
import { withContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

interface ListOptions {
  shop?: string;
  json?: boolean;
}

interface PostOptions {
  shop: string;
  document: string;
  line?: string[];
  all?: boolean;
  trackingNumber?: string;
  trackingUrl?: string;
  shippingAgent?: string;
  shippingAgentService?: string;
  postingDate?: string;
  apiKey?: string;
  json?: boolean;
}

interface AgentOptions {
  code: string;
  name: string;
  shopifyTrackingCompany?: string;
  trackingUrl?: string;
  service?: string[];
  json?: boolean;
}

/**
 * Shipments of sales orders and their way to Shopify (seed 002 "Synchronize shipments to
 * Shopify", docs/shipments.md): `shipments`, `shipments post`, `shipping-agents [set]`, and
 * `sync shipments` beside `sync orders` (registered after registerSync).
 */
export function registerShipments(program: Command): void {
  const shipments = program
    .command('shipments')
    .description(
      'posted shipments and whether each was sent to Shopify (pending, sent, failed, not_sendable)',
    )
    .option('--shop <code>', 'only this shop')
    .option('--json', 'print JSON')
    .action(runAction((options: ListOptions) => withContext(async ({ store }) => list(store.db, options))));
  shipments
    .command('post')
    .description(
      'post a shipment of a Shopify sales order: stock leaves its locations, then `sync shipments` sends it',
    )
    // --shop and --json are also the list's options, which commander gives the parent: merged below.
    .option('--shop <code>', 'shop code (required)')
    .requiredOption('--document <no>', 'the sales order no. (SO-...)')
    .option('--line <lineNo:qty...>', 'units to ship per sales order line, e.g. 1:2 3:1')
    .option('--all', "ship every line's remaining units")
    .option('--tracking-number <no>', 'package tracking no.')
    .option('--tracking-url <url>', "tracking URL (default: the shipping agent's, with the number)")
    .option('--shipping-agent <code>', "shipping agent (default: the sales order's)")
    .option('--shipping-agent-service <code>', 'shipping agent service')
    .option('--posting-date <date>', "YYYY-MM-DD (default: today in the shop's time zone)")
    .option('--api-key <key>', 'API key of a user allowed to (default: STOREBRIDGE_API_KEY)')
    .option('--json', 'print JSON')
    .action(
      runAction((options: Omit<PostOptions, 'shop'> & { shop?: string }) => {
        const merged = { ...(shipments.opts() as ListOptions), ...options };
        if (merged.shop === undefined)
          throw new ValidationError("--shop: required option '--shop <code>' not specified");
        return post({ ...merged, shop: merged.shop });
      }),
    );

  shipments
    .command('reset')
    .description('put a failed or not sendable shipment back to pending, for the next `sync shipments`')
    .option('--shop <code>', 'shop code (required)')
    .requiredOption('--shipment <no>', 'the shipment no. (SHIP-...)')
    .option('--api-key <key>', 'API key of a user allowed to (default: STOREBRIDGE_API_KEY)')
    .action(
      runAction((options: { shop?: string; shipment: string; apiKey?: string }) => {
        const shop = options.shop ?? (shipments.opts() as ListOptions).shop;
        if (shop === undefined)
          throw new ValidationError("--shop: required option '--shop <code>' not specified");
        return withContext(async ({ store }) => {
          const actor = await cliActor(store.db, options.apiKey);
          const shipment = await resetShipment(store.db, actor, { shopCode: shop, number: options.shipment });
          process.stdout.write(`${shipmentLine(shipment)}\n`);
        });
      }),
    );

  const agents = program
    .command('shipping-agents')
    .description('shipping agents (seed 002): tracking company and URL sent with fulfillments')
    .option('--json', 'print JSON')
    .action(
      runAction((options: { json?: boolean }) =>
        withContext(async ({ store }) => {
          const rows = await listShippingAgents(store.db);
          if (options.json) return printJson({ shippingAgents: rows });
          for (const a of rows)
            process.stdout.write(
              `${a.code}  ${a.name}  tracking company ${a.shopifyTrackingCompany ?? '-'}  url ${a.trackingUrlTemplate ?? '-'}  services ${a.services.join(', ') || '-'}\n`,
            );
        }),
      ),
    );
  agents
    .command('set')
    .description('create or replace a shipping agent')
    .requiredOption('--code <code>', 'agent code, e.g. UPS')
    .requiredOption('--name <name>', 'agent name')
    .option('--shopify-tracking-company <name>', "Shopify's name of the carrier (wins over the name)")
    .option('--tracking-url <url>', 'package tracking URL, {number} where the tracking no. goes')
    .option('--service <code...>', 'shipping agent service codes')
    .option('--json', 'print JSON')
    .action(
      runAction((options: AgentOptions) =>
        withContext(async ({ store }) => {
          const agent = await setShippingAgent(store.db, {
            code: options.code,
            name: options.name,
            shopifyTrackingCompany: options.shopifyTrackingCompany ?? null,
            trackingUrlTemplate: options.trackingUrl ?? null,
            services: options.service ?? [],
          });
          if (options.json) return printJson({ shippingAgent: agent });
          process.stdout.write(`Shipping agent ${agent.code} saved\n`);
        }),
      ),
    );

  const sync = program.commands.find((command) => command.name() === 'sync') ?? program.command('sync');
  sync
    .command('shipments')
    .description('send every posted shipment not yet sent (or failed) to Shopify as fulfillments')
    .requiredOption('--shop <code>', 'shop code')
    .option('--api-key <key>', 'API key of a user allowed to (default: STOREBRIDGE_API_KEY)')
    .option('--json', 'print JSON')
    .action(
      runAction((options: { shop: string; apiKey?: string; json?: boolean }) =>
        withContext(async ({ store, secretKey }) => {
          const actor = await cliActor(store.db, options.apiKey);
          const summary = await syncShipments({ db: store.db, secretKey }, actor, options.shop);
          if (options.json) return printJson(summary);
          process.stdout.write(summaryText(summary));
          if (summary.failed > 0) process.exitCode = 1;
        }),
      ),
    );
}

async function list(db: Parameters<typeof listShipments>[0], options: ListOptions): Promise<void> {
  const rows = await listShipments(db, { shopCode: options.shop });
  if (options.json) return printJson({ shipments: rows });
  if (rows.length === 0) return void process.stdout.write('No shipments posted\n');
  for (const row of rows) process.stdout.write(shipmentLine(row) + '\n');
}

function shipmentLine(s: SalesShipment): string {
  const units = s.lines.reduce((total, l) => total + l.quantity, 0);
  const detail = s.lastError ? `  ${s.lastError}` : '';
  const ids = [...new Set(s.lines.flatMap((l) => (l.shopifyFulfillmentId ? [l.shopifyFulfillmentId] : [])))];
  return (
    `${s.number}  ${s.shopCode}  ${s.salesOrderNo}  order ${s.shopifyOrderName}  ${units} unit(s)  ` +
    `${s.sendStatus}${ids.length > 0 ? ` (fulfillment ${ids.join(', ')})` : ''}${detail}`
  );
}

async function post(options: PostOptions): Promise<void> {
  if ((options.line === undefined) === (options.all !== true))
    throw new ValidationError(
      '--line: name the lines to ship (--line <lineNo>:<qty> ...) or --all, not both',
    );
  const lines = options.all ? ('all' as const) : options.line!.map(parseLine);
  await withContext(async ({ store }) => {
    const actor = await cliActor(store.db, options.apiKey);
    const shipment = await postShipment(store.db, actor, {
      shopCode: options.shop,
      salesOrderNo: options.document,
      lines,
      trackingNumber: options.trackingNumber,
      trackingUrl: options.trackingUrl,
      shippingAgentCode: options.shippingAgent,
      shippingAgentServiceCode: options.shippingAgentService,
      postingDate: options.postingDate,
    });
    if (options.json) return printJson({ shipment });
    process.stdout.write(`Posted ${shipment.number}: ${shipmentLine(shipment)}\n`);
  });
}

function parseLine(value: string, index: number): { lineNo: number; quantity: number } {
  const match = /^(\d+):(\d+)$/.exec(value.trim());
  if (!match)
    throw new ValidationError(
      `--line ${index + 1}: expected <lineNo>:<qty> with whole numbers, got "${value}"`,
    );
  return { lineNo: Number(match[1]), quantity: Number(match[2]) };
}

function summaryText(summary: SyncShipmentsSummary): string {
  const lines = [
    `sent ${summary.sent}, failed ${summary.failed}, not sendable ${summary.notSendable}`,
    ...summary.shipments.map(
      (s) =>
        `  ${s.number} (order ${s.shopifyOrderName}): ${s.status}` +
        (s.fulfillmentIds.length > 0 ? ` fulfillment ${s.fulfillmentIds.join(', ')}` : '') +
        (s.message ? `: ${s.message}` : ''),
    ),
  ];
  return lines.join('\n') + '\n';
}
