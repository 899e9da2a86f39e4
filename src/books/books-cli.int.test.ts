import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../db/index.ts';
import { loadDemoMasterData } from '../masterdata/index.ts';
import { loadSecretKey } from '../shared/secret-key.ts';
import { addShop, getShopConnection } from '../shops/index.ts';
import { adjustStock, createSalesDocuments } from './index.ts';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';

const bin = fileURLToPath(new URL('../../bin/storebridge.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `storebridge documents | stock | gl | exchange-rates` as a person runs them: fresh processes on the
 * embedded store in a temp folder. The documents are made through createSalesDocuments (what
 * the import calls) on the same store between runs.
 */
describe('storebridge documents, stock, gl, exchange-rates (CLI, embedded store)', () => {
  let dataDir: string;
  let run: (...args: string[]) => Promise<Run>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'storebridge-books-'));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const childEnv = { ...env, STOREBRIDGE_DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'silent' };
    run = (...args) =>
      new Promise((resolve) => {
        execFile(process.execPath, [bin, ...args], { env: childEnv, cwd: dataDir }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    await writeFile(
      join(dataDir, 'rates.csv'),
      'Currency,Starting Date,Rate\nEUR,2025-01-01,1.0400\nEUR,2025-03-01,1.0850\n',
    );
    await writeFile(
      join(dataDir, 'bad.json'),
      JSON.stringify([{ currency: 'EUR', startingDate: '2025-13-01', rate: 1.1 }]),
    );
    await seed(join(dataDir, 'data'));
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /**
   * A shop with a released sales order of 2 tees, an invoice of a shipped tee with 2.00 tax,
   * and 10 tees of opening stock at MAIN.
   */
  async function seed(folder: string) {
    const store = await openStore({ dataDir: folder });
    try {
      await migrateToLatest(store.db);
      await loadDemoMasterData(store.db);
      const secretKey = loadSecretKey({ dataDir: folder });
      await addShop(
        { db: store.db, secretKey },
        {
          code: 'WEB',
          shopifyDomain: 'web.myshopify.com',
          credentials: { accessToken: 'shpat_test' },
          autoReleaseSalesOrders: true,
          customerMappingType: 'default_customer',
          defaultCustomerNo: 'C0001',
          accounts: { receivable: '1200', sales: '4000', taxPayable: '2100' },
          locationMappings: [{ shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true }],
        },
      );
      const shop = (await getShopConnection({ db: store.db, secretKey }, 'WEB')).settings;
      await store.db.transaction().execute(async (trx) => {
        await adjustStock(trx, {
          voucherNo: 'OPENING',
          lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 10 }],
        });
        await createSalesDocuments(trx, { shop, order: anOrder({ lines: [aLine({ quantity: 2 })] }) });
        const taxed = aLine({
          unfulfilledQuantity: 0,
          taxLines: [{ title: 'Tax', rate: null, amount: bag(200) }],
        });
        await createSalesDocuments(trx, {
          shop,
          order: anOrder({ shopifyId: '1002', name: '#1002', lines: [taxed] }),
        });
      });
    } finally {
      await store.close();
    }
  }

  it('documents --json by order name, id and GID', async () => {
    for (const order of ['#1001', '1001', 'gid://shopify/Order/1001']) {
      const result = await run('documents', '--shop', 'WEB', '--order', order, '--json');
      expect(result.code, result.stderr).toBe(0);
      const [document] = JSON.parse(result.stdout) as Record<string, unknown>[];
      expect(document).toMatchObject({
        number: 'SO-000001',
        status: 'released',
        amountIncludingTax: '50.00',
        customerNo: 'C0001',
      });
    }
  }, 120_000);

  it('documents as a table says Shopify is the source of truth', async () => {
    const result = await run('documents', '--shop', 'WEB');
    expect(result.stdout).toContain('SO-000001 sales_order released  order #1001 (1001)  customer C0001');
    expect(result.stdout).toContain('total 50.00 + tax 0.00 = 50.00 USD');
    expect(result.stdout).toContain('Shopify is the source of truth');
  });

  it('documents for an unknown shop or a bad order ref is a one-line error', async () => {
    expect(await run('documents', '--shop', 'NOPE', '--json')).toMatchObject({
      code: 1,
      stderr: 'error: Shop "NOPE" does not exist\n',
    });
    const bad = await run('documents', '--shop', 'WEB', '--order', 'abc');
    expect(bad.stderr).toContain('order: "abc" is not an order id, GID or name (#1001)');
  }, 60_000);

  it('stock --json: on hand, released to the sales order, available to sell', async () => {
    const result = await run('stock', '--json');
    expect(JSON.parse(result.stdout)).toEqual([
      // 10 opening, 1 invoiced out; 2 released to the sales order.
      { itemNo: '1000', locationCode: 'MAIN', onHand: 9, released: 2, availableToSell: 7 },
    ]);
  });

  it('gl --json lists the entries of the invoice; gl as a table shows debits = credits', async () => {
    const json = await run('gl', '--shop', 'WEB', '--json');
    expect(json.code, json.stderr).toBe(0);
    const entries = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(entries.map((e) => [e.documentNo, e.accountNo, e.debit, e.credit])).toEqual([
      ['SI-000001', '1200', '27.00', '0.00'],
      ['SI-000001', '4000', '0.00', '25.00'],
      ['SI-000001', '2100', '0.00', '2.00'],
    ]);
    expect(entries[0]).toMatchObject({
      shopCode: 'WEB',
      postingDate: '2025-03-01',
      documentType: 'sales_invoice',
      lineNo: 1,
      description: 'Order #1002',
      currency: 'USD',
      sourceAmount: '27.00',
      sourceCurrency: 'USD',
    });
    const byAccount = await run('gl', '--shop', 'WEB', '--account', '2100', '--json');
    expect(JSON.parse(byAccount.stdout)).toHaveLength(1);
    const table = await run('gl', '--shop', 'WEB');
    expect(table.stdout).toContain('total debit 27.00  credit 27.00 USD');
    expect(await run('gl', '--shop', 'NOPE')).toMatchObject({
      code: 1,
      stderr: 'error: Shop "NOPE" does not exist\n',
    });
  }, 120_000);

  it('exchange-rates import (CSV with spreadsheet headers), again unchanged, list; a bad file stores nothing', async () => {
    expect((await run('exchange-rates', 'import', 'rates.csv')).stdout).toBe(
      'exchange rates from rates.csv: 2 created, 0 updated, 0 unchanged\n',
    );
    expect((await run('exchange-rates', 'import', 'rates.csv')).stdout).toContain(
      '0 created, 0 updated, 2 unchanged',
    );
    const bad = await run('exchange-rates', 'import', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.json row 1 startingDate: must be a date YYYY-MM-DD');
    expect(bad.stderr).toContain('bad.json row 1 rate: must be a decimal string');
    expect(JSON.parse((await run('exchange-rates', 'list', '--json')).stdout)).toEqual([
      { currency: 'EUR', startingDate: '2025-01-01', rate: '1.0400' },
      { currency: 'EUR', startingDate: '2025-03-01', rate: '1.0850' },
    ]);
  }, 120_000);
});
