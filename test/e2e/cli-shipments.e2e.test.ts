import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/src/index.ts';
import { addTestUser } from '../../src/access/testing/test-users.ts';
import { openStore } from '../../src/db/index.ts';
import { freshDataDir, runCli } from '../support/cli.ts';
import { Merchant, type PlacedOrder } from '../support/e2e/merchant.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';

/**
 * The operator's path for shipments through the CLI (docs/shipments.md): a shipping agent, a
 * shipment posted by line, the list with its send state, `sync shipments` with an API key, and a
 * read-only key refused. Each command is its own process, as in real use.
 */
interface Document {
  number: string;
  shopifyOrderId: string;
  lines: { lineNo: number; no: string | null }[];
}

let emulator: RunningEmulator;
let order: PlacedOrder;
const dataDir = freshDataDir();
const env = {
  STOREBRIDGE_DATA_DIR: dataDir,
  STOREBRIDGE_SECRET_KEY: '',
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
};
const cli = (...args: string[]) => runCli(args, env);

beforeAll(async () => {
  emulator = await startShopEmulator();
  order = await new Merchant(emulator).placeOrder({ lines: [{ sku: 'SB-TEE', quantity: 2 }] });
});
afterAll(() => emulator.close());

/** Users are made by an admin elsewhere (src/access); here straight in the store, between commands. */
async function userKeys(): Promise<{ agent: string; reader: string }> {
  const store = await openStore({ dataDir });
  try {
    const agent = await addTestUser(store.db, 'agent');
    const reader = await addTestUser(store.db, 'read_only', 'reader');
    return { agent: agent.apiKey, reader: reader.apiKey };
  } finally {
    await store.close();
  }
}

describe('storebridge CLI: shipments', () => {
  it('shipping agent, post by line, list, sync with a key; a read-only key is refused', async () => {
    await cli('demo', 'setup', '--shop', 'DEMO', '--endpoint', emulator.url, '--token', emulator.token);
    await cli('sync', 'orders', '--shop', 'DEMO');
    const printed = JSON.parse((await cli('documents', '--shop', 'DEMO', '--json')).stdout) as
      Document[] | { documents: Document[] };
    const documents = Array.isArray(printed) ? printed : printed.documents;
    const salesOrder = documents.find((d) => d.shopifyOrderId === order.id)!;
    const teeLine = salesOrder.lines.find((l) => l.no === '1000')!.lineNo;
    const keys = await userKeys();

    const agentSet = await cli(
      'shipping-agents',
      'set',
      '--code',
      'UPS',
      '--name',
      'UPS',
      '--service',
      'EXPRESS',
    );
    expect(agentSet).toMatchObject({ code: 0, stdout: 'Shipping agent UPS saved\n' });

    const refused = await cli(
      'shipments',
      'post',
      '--shop',
      'DEMO',
      '--document',
      salesOrder.number,
      '--all',
      '--api-key',
      keys.reader,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('reader (role read_only) may not');

    const bad = await cli(
      'shipments',
      'post',
      '--shop',
      'DEMO',
      '--document',
      salesOrder.number,
      '--line',
      'x',
      '--api-key',
      keys.agent,
    );
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'error: --line 1: expected <lineNo>:<qty> with whole numbers, got "x"\n',
    });

    const posted = await cli(
      'shipments',
      'post',
      '--shop',
      'DEMO',
      '--document',
      salesOrder.number,
      '--line',
      `${teeLine}:1`,
      '--tracking-number',
      '1Z1',
      '--shipping-agent',
      'UPS',
      '--api-key',
      keys.agent,
    );
    expect(posted.stderr).toBe('');
    expect(posted.stdout).toContain('Posted SHIP-000001');

    const pending = JSON.parse((await cli('shipments', '--shop', 'DEMO', '--json')).stdout) as {
      shipments: { number: string; sendStatus: string }[];
    };
    expect(pending.shipments).toEqual([
      expect.objectContaining({ number: 'SHIP-000001', sendStatus: 'pending' }),
    ]);

    const synced = await runCli(['sync', 'shipments', '--shop', 'DEMO'], {
      ...env,
      STOREBRIDGE_API_KEY: keys.agent,
    });
    expect(synced).toMatchObject({ code: 0 });
    expect(synced.stdout).toContain('sent 1, failed 0, not sendable 0');

    const listed = await cli('shipments', '--shop', 'DEMO');
    expect(listed.stdout).toMatch(
      /SHIP-000001 {2}DEMO {2}SO-\d+ {2}order #\d+ {2}1 unit\(s\) {2}sent \(fulfillment \d+\)/,
    );
  }, 300_000);
});
