import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../emulator/src/index.ts';
import { defaultOrdersPageSize } from '../../src/shopify/index.ts';
import { openScenario, type Scenario } from '../support/e2e/scenario.ts';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

const orderCount = 12;

async function placeOrders(target: Scenario, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    ids.push(
      (await target.merchant.placeOrder({ lines: [{ sku: 'SB-TEE', quantity: 1 + (index % 3) }] })).id,
    );
  }
  return ids;
}

async function importedCount(target: Scenario, ids: readonly string[]): Promise<number> {
  let count = 0;
  for (const id of ids) if (await target.storebridge.imported(id)) count += 1;
  return count;
}

/** The app's calls since the log was reset (the merchant's own calls happened before). */
function appCalls(target: Scenario): readonly LogEntry[] {
  return target.emulator.log.list();
}

describe('syncing within Shopify\'s limits (issue 5 "Frugal fetching")', () => {
  it('under standard throttling with forced THROTTLED answers, every order arrives and no THROTTLED reaches the operator', async () => {
    scenario = await openScenario({ throttle: 'standard' });
    const ids = await placeOrders(scenario, orderCount);
    scenario.emulator.log.reset();
    // Shopify sometimes throttles whatever the bucket says: the client waits and retries.
    scenario.emulator.chaos.configure({ throttleRate: 0.3, seed: 7 });
    await scenario.storebridge.syncOrders();
    scenario.emulator.chaos.configure({ throttleRate: 0 });

    const documents = await scenario.storebridge.documents();
    expect(documents.map((document) => document.shopifyOrderId).sort()).toEqual([...ids].sort());
    expect(appCalls(scenario).some((call) => call.status === 200 && call.actualCost === null)).toBe(true);
  });

  it('one paged query brings whole orders: ordinary orders need no follow-up request of their own', async () => {
    scenario = await openScenario({ throttle: 'standard', shop: { autoCreateDocuments: false } });
    await scenario.storebridge.syncOrders();
    const ids = await placeOrders(scenario, orderCount);
    scenario.emulator.log.reset();
    await scenario.storebridge.syncOrders();

    expect(await importedCount(scenario, ids)).toBe(orderCount);
    const reads = appCalls(scenario).filter(
      (call) => call.api === 'graphql' && call.operation.startsWith('query'),
    );
    // Pages of whole orders plus the sync's one-time shop reads; no per-order request.
    // (Issue 5's cost targets per order are measured by `npm run bench:import`, not asserted here.)
    expect(reads.length).toBeLessThanOrEqual(Math.ceil(orderCount / defaultOrdersPageSize) + 2);
    for (const read of reads) expect(read.requestedCost ?? 0).toBeLessThanOrEqual(1000);
  });

  it('a backfill (--bulk) streams a bulk operation and stages every order once', async () => {
    scenario = await openScenario({ shop: { autoCreateDocuments: false } });
    const ids = await placeOrders(scenario, orderCount);
    scenario.emulator.log.reset();
    await scenario.storebridge.syncOrders({ bulk: true });

    expect(await importedCount(scenario, ids)).toBe(orderCount);
    expect(appCalls(scenario).some((call) => call.operation.includes('BulkOperationRunQuery'))).toBe(true);
    // And again: nothing new, nothing duplicated.
    scenario.emulator.log.reset();
    await scenario.storebridge.syncOrders({ bulk: true });
    expect(await importedCount(scenario, ids)).toBe(orderCount);
    expect(await scenario.storebridge.ordersToImport()).toEqual([]);
  });
});
