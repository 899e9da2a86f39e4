import type { Command } from 'commander';
import { setUpDemoShop, type DemoSetupResult } from '../../demo/index.ts';
import { withContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { runAction } from '../run-action.ts';

interface SetupOptions {
  shop: string;
  endpoint: string;
  token: string;
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('the demo shop on the Shopify emulator');
  demo
    .command('setup')
    .description(
      'connect a shop to an emulator seeded with --seed demo: demo master data, accounts, location and shipping mappings, opening stock',
    )
    .requiredOption('--shop <code>', 'shop code to create (or to move to this endpoint)')
    .requiredOption('--endpoint <url>', 'the emulator, e.g. http://127.0.0.1:4010')
    .requiredOption('--token <token>', 'its Admin API access token (shpat_emulator_token)')
    .action(
      runAction(async (options: SetupOptions) => {
        assertHttpUrl(options.endpoint);
        const result = await withContext((context) =>
          setUpDemoShop(
            { db: context.store.db, secretKey: context.secretKey },
            { code: options.shop, endpoint: options.endpoint, accessToken: options.token },
          ),
        );
        process.stdout.write(describe(result, options.endpoint));
      }),
    );
}

/** Checked before the store opens, so a typo costs nothing. */
function assertHttpUrl(endpoint: string): void {
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new ValidationError(`--endpoint: "${endpoint}" must be an http(s) URL`);
  }
}

function describe(result: DemoSetupResult, endpoint: string): string {
  return [
    result.masterDataLoaded
      ? 'Demo master data loaded (items, locations, customers, G/L accounts).'
      : 'Master data already present: left as it is.',
    result.shop === 'created'
      ? `Shop ${result.shopCode} added, connected to ${endpoint} with the demo accounts and mappings.`
      : `Shop ${result.shopCode} already existed: now connected to ${endpoint}; its other settings are unchanged.`,
    describeOpeningStock(result.openingStock),
    `Next: storebridge sync orders --shop ${result.shopCode}`,
    '',
  ].join('\n');
}

function describeOpeningStock(stock: DemoSetupResult['openingStock']): string {
  const { unmappedLocation, unmappedItem } = stock.skipped;
  const skipped = `skipped ${unmappedLocation} at unmapped locations, ${unmappedItem} of unknown SKUs`;
  if (stock.voucherNo === null) return `Opening stock: Shopify had none to load (${skipped}).`;
  if (!stock.loaded) return `Opening stock: already loaded (${stock.voucherNo}).`;
  return `Opening stock: ${stock.lines} item/location lines from Shopify's on-hand quantities as ${stock.voucherNo} (${skipped}).`;
}
