import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { freshDataDir, runCli } from '../support/cli.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/**
 * `storebridge webhooks sync` as an operator runs it: each command its own process on a fresh
 * embedded store, the shop on the emulator. The public URL comes from STOREBRIDGE_PUBLIC_URL or
 * --address.
 */
let emulator: RunningEmulator;
const env = {
  STOREBRIDGE_DATA_DIR: freshDataDir(),
  STOREBRIDGE_SECRET_KEY: '',
  STOREBRIDGE_PUBLIC_URL: '',
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
};
const cli = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra });

beforeAll(async () => {
  emulator = await startShopEmulator();
  const added = await cli([
    'shop',
    'add',
    '--code',
    'WEB',
    '--domain',
    'web.myshopify.com',
    '--token',
    emulator.token,
    '--endpoint',
    emulator.url,
  ]);
  expect(added.stderr).toBe('');
  expect((await cli(['shop', 'set', 'WEB', 'autoSyncOrders=true'])).code).toBe(0);
}, 120_000); // each command is a process that opens the embedded store: seconds each
afterAll(() => emulator?.close());

describe('storebridge webhooks sync (CLI)', { timeout: 120_000 }, () => {
  it('fails with one line naming STOREBRIDGE_PUBLIC_URL and --address when neither is given', async () => {
    const result = await cli(['webhooks', 'sync', '--shop', 'WEB']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*STOREBRIDGE_PUBLIC_URL.*--address/);
    expect(emulator.webhooks.subscriptions.list()).toEqual([]);
  });

  it('refuses an address that is not an http(s) URL', async () => {
    const result = await cli(['webhooks', 'sync', '--shop', 'WEB', '--address', 'books.example.com']);
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: address: must be an http/),
    });
  });

  it('subscribes to STOREBRIDGE_PUBLIC_URL, then changes nothing the second time (--address, --json)', async () => {
    const first = await cli(['webhooks', 'sync', '--shop', 'WEB'], {
      STOREBRIDGE_PUBLIC_URL: 'https://books.example.com',
    });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(
      'Shop WEB: webhook subscriptions to https://books.example.com/webhooks/shopify',
    );
    expect(first.stdout).toContain('  created: ORDERS_CREATE, ORDERS_UPDATED,');
    expect(first.stdout.trimEnd().split('\n').at(-1)).toBe('18 created, 0 updated, 0 deleted, 0 unchanged');

    const second = await cli([
      'webhooks',
      'sync',
      '--shop',
      'WEB',
      '--address',
      'https://books.example.com',
      '--json',
    ]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      shopCode: 'WEB',
      created: [],
      updated: [],
      deleted: [],
      summary: '0 created, 0 updated, 0 deleted, 18 unchanged',
    });
  });

  it('removes ours as soon as `shop set` turns auto sync off; `webhooks sync` then says why none', async () => {
    const switched = await cli(['shop', 'set', 'WEB', 'autoSyncOrders=false']);
    expect(switched.code).toBe(0);
    expect(switched.stdout).toContain('Webhook subscriptions: 0 created, 0 updated, 18 deleted, 0 unchanged');
    expect(emulator.webhooks.subscriptions.list()).toEqual([]);

    const result = await cli(['webhooks', 'sync', '--shop', 'WEB']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'auto sync is off (autoSyncOrders), so our webhook subscriptions are removed',
    );
    expect(result.stdout).toContain('0 created, 0 updated, 0 deleted, 0 unchanged');
  });

  it('subscribes as soon as `shop set` turns auto sync on, where the public URL is known', async () => {
    const unknown = await cli(['shop', 'set', 'WEB', 'autoSyncOrders=true']);
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain(
      'Webhook subscriptions not changed: STOREBRIDGE_PUBLIC_URL is not set; run `storebridge webhooks sync --shop WEB --address <https url>`',
    );
    expect(emulator.webhooks.subscriptions.list()).toEqual([]);

    const known = await cli(['shop', 'set', 'WEB', 'autoSyncOrders=true'], {
      STOREBRIDGE_PUBLIC_URL: 'https://books.example.com',
    });
    expect(known.stdout).toContain('Webhook subscriptions: 18 created, 0 updated, 0 deleted, 0 unchanged');
    expect(emulator.webhooks.subscriptions.list()).toHaveLength(18);
  });
});
