import type { Command } from 'commander';
import { withContext, type AppContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import {
  addShop,
  listShops,
  quickShopInput,
  readShopFile,
  setShopSetting,
  settingLines,
  showShop,
  followAutoSyncWithWebhooks,
  webhookFollowUpLine,
  type ShopDeps,
} from '../../shops/index.ts';
import { printJson, runAction } from '../run-action.ts';

interface AddOptions {
  file?: string;
  code?: string;
  domain?: string;
  token?: string;
  endpoint?: string;
}

export function registerShop(program: Command): void {
  const shop = program
    .command('shop')
    .description('add, list, show and change shops (connection and settings)');
  shop
    .command('add')
    .description(
      'add a shop from a settings file, or from --code, --domain and --token with default settings',
    )
    .option('--file <path>', 'shop settings JSON (see examples/shop.json)')
    .option('--code <code>', 'shop code, 1-20 of A-Z a-z 0-9 _ -')
    .option('--domain <domain>', '<shop>.myshopify.com')
    .option('--token <token>', 'Admin API access token')
    .option('--endpoint <url>', 'base URL instead of https://<domain> (the local emulator)')
    .action(runAction((options: AddOptions) => withShops((deps) => add(deps, options))));
  shop
    .command('list')
    .description('list the shops')
    .option('--json', 'print JSON')
    .action(
      runAction((options: { json?: boolean }) => withShops((deps) => list(deps, options.json === true))),
    );
  shop
    .command('show <code>')
    .description('show every setting of a shop; secrets only as (set) or (not set)')
    .option('--json', 'print JSON')
    .action(
      runAction((code: string, options: { json?: boolean }) =>
        withShops((deps) => show(deps, code, options.json === true)),
      ),
    );
  shop
    .command('set <code> <settings...>')
    .description(
      'change settings: key=value, dotted keys (accounts.refund=8000), lists as a,b, key=json:<JSON>, key= for the default',
    )
    .action(
      runAction((code: string, settings: string[]) =>
        withContext((context: AppContext) =>
          set(
            { db: context.store.db, secretKey: context.secretKey },
            code,
            settings,
            context.config.STOREBRIDGE_PUBLIC_URL,
          ),
        ),
      ),
    );
}

function withShops(work: (deps: ShopDeps) => Promise<void>): Promise<void> {
  return withContext((context: AppContext) => work({ db: context.store.db, secretKey: context.secretKey }));
}

async function add(deps: ShopDeps, options: AddOptions): Promise<void> {
  const view = await addShop(deps, await addInput(options));
  process.stdout.write(`Shop ${view.code} added (${view.shopifyDomain})\n`);
}

async function addInput(options: AddOptions): Promise<unknown> {
  const quick = [options.code, options.domain, options.token, options.endpoint].some(
    (flag) => flag !== undefined,
  );
  if (options.file !== undefined) {
    if (quick)
      throw new ValidationError('--file: give either --file, or --code, --domain and --token, not both');
    return readShopFile(options.file);
  }
  const { code, domain, token, endpoint } = options;
  if (code === undefined || domain === undefined || token === undefined) {
    const missing = ['--code', '--domain', '--token'].filter(
      (_, i) => [code, domain, token][i] === undefined,
    );
    throw new ValidationError(`${missing.join(', ')}: required without --file`);
  }
  return quickShopInput({ code, domain, token, endpoint });
}

async function list(deps: ShopDeps, json: boolean): Promise<void> {
  const shops = await listShops(deps);
  if (json) return printJson(shops);
  if (shops.length === 0) {
    process.stdout.write('No shops yet. Add one with: storebridge shop add --file shop.json\n');
    return;
  }
  const rows = [
    ['CODE', 'NAME', 'DOMAIN', 'CURRENCY'],
    ...shops.map((s) => [s.code, s.name, s.shopifyDomain, s.currency]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    process.stdout.write(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd() + '\n',
    );
}

async function show(deps: ShopDeps, code: string, json: boolean): Promise<void> {
  const view = await showShop(deps, code);
  if (json) return printJson(view);
  process.stdout.write(settingLines(view).join('\n') + '\n');
}

async function set(
  deps: ShopDeps,
  code: string,
  settings: string[],
  publicUrl: string | undefined,
): Promise<void> {
  const { changed } = await setShopSetting(deps, code, settings);
  process.stdout.write(`Shop ${code} updated: ${changed.join(', ')}\n`);
  // Auto sync switched: Shopify's webhook subscriptions follow at once (follow-auto-sync.ts).
  const webhooks = await followAutoSyncWithWebhooks(deps, code, changed, publicUrl);
  if (webhooks) process.stdout.write(webhookFollowUpLine(webhooks) + '\n');
}
