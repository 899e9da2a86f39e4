import { afterEach, expect, it } from 'vitest';
import { demoSetupArgs, embeddedCli } from '../support/cli.ts';
import { onlyCases } from '../support/e2e/corpus-mix.ts';
import { itemNo } from '../support/e2e/documents.ts';
import { autoCreditMemos, openScenario, type Scenario } from '../support/e2e/scenario.ts';
import { startShopEmulator } from '../support/e2e/shop-emulator.ts';
import type { GlEntry, Storebridge } from '../support/e2e/storebridge.ts';
import { describeOnEachBackend } from '../support/test-store.ts';

/**
 * Issue 6 "Done when": the merchant simulator's hard-case corpus (emulator/README.md: refunds of
 * every kind, returns, edits, cancellations, POS, foreign currencies, taxes in and on top, gift
 * cards, tips) synced into the demo shop that books refunds as they come (seed 002 "auto create
 * credit memo") and pays them back (seed 000 customer refunds); then `reconcile` compares every
 * order and refund with the books.
 */
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** Debits = credits per document, to the cent (DESIGN.md: every posting batch balances). */
function unbalanced(entries: readonly GlEntry[]): string[] {
  const balance = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.documentType} ${e.documentNo}`;
    balance.set(key, (balance.get(key) ?? 0) + cents(e.debit) - cents(e.credit));
  }
  return [...balance].filter(([, b]) => b !== 0).map(([document, b]) => `${document}: ${b}`);
}

/** What the books hold: documents by type, G/L entries and stock, to compare two syncs. */
async function books(storebridge: Storebridge) {
  const documents = await storebridge.documents();
  const byType: Record<string, number> = {};
  for (const d of documents) byType[d.type] = (byType[d.type] ?? 0) + 1;
  return { byType, gl: (await storebridge.gl()).length, stock: await storebridge.stock() };
}

describeOnEachBackend('reconcile on the simulator corpus (issue 6 item 6)', (backend) => {
  it('1,000 orders: one sync books them, reconcile finds 0 differences, every posting balances, a second sync creates nothing', async () => {
    scenario = await openScenario({
      backend,
      shop: autoCreditMemos,
      corpus: { orders: 1000, seed: 'reconcile-e2e' },
    });
    const { storebridge } = scenario;

    const first = await storebridge.syncOrders();
    expect(first).toMatchObject({ imported: 1000, errors: [], refundErrors: [] });
    const report = await storebridge.reconcile();
    expect(report.differences).toEqual([]);
    expect(report.summary).toMatchObject({ orders: 1000, differences: 0 });
    expect(report.summary.refunds).toBeGreaterThan(300);
    // Expected, not bugs: zero-amount refunds from edits and cancellations (seed 002), refunds
    // waiting for a pending transaction (seed 003).
    for (const finding of report.expected)
      expect(['refund_not_convertible', 'refund_waiting']).toContain(finding.expected);
    const booked = await books(storebridge);
    expect(booked.byType).toMatchObject({
      sales_invoice: expect.any(Number),
      customer_refund: expect.any(Number),
      credit_memo: expect.any(Number),
    });
    expect(unbalanced(await storebridge.gl())).toEqual([]);

    const second = await storebridge.syncOrders();
    expect(second).toMatchObject({ imported: 0, errors: [], refundErrors: [] });
    expect(await books(storebridge)).toEqual(booked);
    expect((await storebridge.reconcile()).summary).toEqual(report.summary);
  }, 240_000);
});

it('refunds made after the documents: credit memos, customer refunds and restocks reconcile', async () => {
  scenario = await openScenario({ shop: autoCreditMemos });
  const { merchant, storebridge } = scenario;
  const returned = await merchant.placeOrder();
  const kept = await merchant.placeOrder({ lines: [{ sku: 'SB-MUG', quantity: 2 }] });
  const unshipped = await merchant.placeOrder();
  await merchant.fulfil(returned);
  await merchant.fulfil(kept);
  await storebridge.syncOrders();

  await merchant.refund(returned, { lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'return' }] });
  await merchant.refund(kept, {
    lines: [{ sku: 'SB-MUG', quantity: 1, restock: 'no_restock' }],
    shipping: true,
  });
  await merchant.refund(unshipped, { lines: [{ sku: 'SB-TEE', quantity: 1, restock: 'cancel' }] });
  await storebridge.syncOrders();

  const report = await storebridge.reconcile();
  expect(report.summary).toMatchObject({ orders: 3, refunds: 3, differences: 0, expected: 0 });
  const one = await storebridge.reconcile(returned.name);
  expect(one.summary).toMatchObject({ orders: 1, refunds: 1, differences: 0 });
  expect(unbalanced(await storebridge.gl())).toEqual([]);
  const types = (await storebridge.documents()).map((d) => d.type).sort();
  expect(types).toEqual(
    expect.arrayContaining(['credit_memo', 'credit_memo', 'customer_refund', 'sales_order_change']),
  );
  const creditMemo = (await storebridge.documents(returned.id)).find((d) => d.type === 'credit_memo');
  expect(creditMemo?.lines).toContainEqual(expect.objectContaining({ no: itemNo['SB-TEE'], quantity: 1 }));
});

it('exchanges (cheaper and pricier) and paid orders cancelled before their import, a tip kept or not, reconcile', async () => {
  scenario = await openScenario({
    shop: autoCreditMemos,
    corpus: {
      orders: 30,
      seed: 'reconcile-e2e',
      mix: { ...onlyCases('exchange-cheaper', 'exchange-pricier', 'cancel-paid'), tip: 0.5 },
    },
  });
  const { storebridge } = scenario;
  expect(await storebridge.syncOrders()).toMatchObject({ imported: 30, errors: [], refundErrors: [] });
  const report = await storebridge.reconcile();
  expect(report.differences).toEqual([]);
  // seed 002 "Cancel paid order": with everything paid back there is nothing to book.
  for (const finding of report.expected)
    expect(finding.message).toMatch(/cancelled_nothing_left|from an order edit/);
  const types = new Set((await storebridge.documents()).map((d) => d.type));
  // Made after the exchanges, the sales documents already hold the new items: the customer
  // refunds pay back what a cheaper exchange returned.
  expect([...types]).toEqual(expect.arrayContaining(['sales_invoice', 'customer_refund']));
  expect(unbalanced(await storebridge.gl())).toEqual([]);
  const booked = await books(storebridge);
  expect(await storebridge.syncOrders()).toMatchObject({ imported: 0, errors: [] });
  expect(await books(storebridge)).toEqual(booked);
}, 120_000);

it('the CLI: reconcile prints each difference and the summary, exit code 1 when the books differ', async () => {
  const emulator = await startShopEmulator({
    corpus: {
      orders: 12,
      seed: 'reconcile-cli',
      mix: onlyCases('plain', 'refund-return-restock', 'refund-amount-only'),
    },
  });
  const { cli } = embeddedCli();
  try {
    await cli(...demoSetupArgs(emulator));
    expect((await cli('sync', 'orders', '--shop', 'DEMO')).code).toBe(0);

    const clean = await cli('reconcile', '--shop', 'DEMO');
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^orders 12, refunds \d+, differences 0, expected 0\n$/);

    // seed 002 "Unlink Processed Documents": the refunds' documents go with the order's, so the
    // books no longer show what Shopify paid back; reconcile says so and exits 1.
    const refunded = JSON.parse((await cli('refunds', '--shop', 'DEMO', '--json')).stdout) as {
      refunds: { shopifyOrderId: string; documentNos: string[] }[];
    };
    const order = refunded.refunds.find((r) => r.documentNos.length > 0)!.shopifyOrderId;
    expect((await cli('orders', 'unlink', '--shop', 'DEMO', '--order', order)).code).toBe(0);
    const differs = await cli('reconcile', '--shop', 'DEMO', '--order', order, '--json');
    expect(differs.code).toBe(1);
    const json = JSON.parse(differs.stdout) as { summary: { orders: number; differences: number } };
    expect(json.summary.orders).toBe(1);
    expect(json.summary.differences).toBeGreaterThan(0);
  } finally {
    await emulator.close();
  }
}, 120_000);
