import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { demoSetupArgs, embeddedCli } from '../support/cli.ts';
import { Merchant, type PlacedOrder } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/**
 * The operator's path through the CLI on a fresh embedded store (docs/order-import.md
 * "Interfaces"): demo setup, a dry run, the sync, the orders to import, a fix and an import by
 * command, the documents and the stock as JSON. Each command is its own process, as in real use.
 */
let emulator: RunningEmulator;
let merchant: Merchant;
const { dataDir, cli } = embeddedCli();
let ordinary: PlacedOrder;
let hoodie: PlacedOrder;

beforeAll(async () => {
  emulator = await startShopEmulator();
  merchant = new Merchant(emulator);
  ordinary = await merchant.placeOrder();
  hoodie = await merchant.placeOrder({ lines: [{ sku: 'SB-HOODIE', quantity: 1, customPriceCents: 4500 }] });
});
afterAll(() => emulator.close());

describe('storebridge CLI: order import end to end', () => {
  it('demo setup, dry run, sync, orders to import, fix and import, documents, stock', async () => {
    const setup = await cli(...demoSetupArgs(emulator));
    expect(setup.stderr).toBe('');
    expect(setup.stdout).toContain('Shop DEMO added');

    const dryRun = await cli('sync', 'orders', '--shop', 'DEMO', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/sales.order/i);
    expect(list((await cli('documents', '--shop', 'DEMO', '--json')).stdout, 'documents')).toEqual([]);

    const sync = await cli('sync', 'orders', '--shop', 'DEMO');
    // One order failed (unknown SKU): the others are imported, and the exit code tells a scheduler.
    expect(sync.code).toBe(1);
    expect(sync.stdout + sync.stderr).toContain('SB-HOODIE');
    // seed 004 3.4 / FAQ: Shopify is the source of truth; the operator is told so.
    expect(sync.stdout).toMatch(/Shopify is the source of truth/i);

    const staged = list((await cli('orders-to-import', '--shop', 'DEMO', '--json')).stdout, 'orders') as {
      shopifyOrderId: string;
      hasError: boolean;
      errorMessage: string | null;
    }[];
    const failed = staged.find((row) => row.shopifyOrderId === hoodie.id);
    expect(failed).toMatchObject({ hasError: true });
    expect(failed?.errorMessage).toContain('SB-HOODIE');

    const items = join(dataDir, 'hoodie.json');
    writeFileSync(
      items,
      JSON.stringify([
        {
          no: '1010',
          sku: 'SB-HOODIE',
          description: 'Hoodie',
          type: 'inventory',
          unitPrice: '45.00',
          currency: 'USD',
        },
      ]),
    );
    expect((await cli('master', 'import', 'items', items)).code).toBe(0);
    const imported = await cli('import', '--shop', 'DEMO', '--order', hoodie.id);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const documents = list((await cli('documents', '--shop', 'DEMO', '--json')).stdout, 'documents') as {
      shopifyOrderId: string;
      type: string;
      lines: unknown[];
    }[];
    expect(documents.map((document) => document.shopifyOrderId).sort()).toEqual(
      [ordinary.id, hoodie.id].sort(),
    );
    const byName = JSON.parse(
      (await cli('documents', '--shop', 'DEMO', '--order', ordinary.name, '--json')).stdout,
    );
    expect(byName).toEqual([expect.objectContaining({ shopifyOrderId: ordinary.id, type: 'sales_order' })]);

    const stock = list((await cli('stock', '--json')).stdout, 'stock') as Record<string, unknown>[];
    expect(stock.length).toBeGreaterThan(0);
    for (const level of stock) {
      expect(Object.keys(level).sort()).toEqual([
        'availableToSell',
        'itemNo',
        'locationCode',
        'onHand',
        'released',
      ]);
    }

    const unknownShop = await cli('documents', '--shop', 'NOPE', '--json');
    expect(unknownShop.code).toBe(1);
    expect(unknownShop.stderr).toContain('NOPE');
  }, 300_000);
});

/** `--json` lists print as `{ <name>: [...] }` (as the API answers) or as a bare array. */
function list(stdout: string, key: string): unknown[] {
  const parsed = JSON.parse(stdout) as unknown;
  if (Array.isArray(parsed)) return parsed;
  const inner = (parsed as Record<string, unknown>)[key];
  if (!Array.isArray(inner)) throw new Error(`expected { ${key}: [...] }, got ${stdout}`);
  return inner;
}
