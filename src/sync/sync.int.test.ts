import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import type { Order } from '../domain/order.ts';
import { addShop, quickShopInput, setShopSetting } from '../shops/index.ts';
import {
  excludeStagedOrders,
  importStagedOrders,
  listOrdersToImport,
  reimportOrder,
  resolveOrderId,
  showImportedOrder,
  stageOrders,
  syncOrders,
  unlinkOrder,
  type SyncDeps,
} from './index.ts';
import { aLine, anOrder, aRefund, aRefundLine } from '../domain/testing/order-builders.ts';
import { FakeBooks, FakeOrderSource } from './testing/fake-source.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 12, minute)).toISOString();
const order = (id: number, minute: number, overrides: Partial<Order> = {}) =>
  anOrder({
    shopifyId: String(id),
    name: `#${id}`,
    createdAt: at(minute),
    updatedAt: at(minute),
    ...overrides,
  });

describeOnEachBackend('order sync', (backend) => {
  let store: TestStore;
  let source: FakeOrderSource;
  let books: FakeBooks;
  let deps: SyncDeps;

  async function settings(...texts: string[]) {
    await setShopSetting(deps, 'EU', texts);
  }
  async function tableCount(table: 'orders_to_import' | 'shopify_orders' | 'order_versions') {
    return (await store.db.selectFrom(table).select('shop_code').execute()).length;
  }

  beforeEach(async () => {
    store = await openTestStore(backend);
    source = new FakeOrderSource(2);
    books = new FakeBooks();
    deps = {
      db: store.db,
      secretKey: randomBytes(32),
      books,
      sourceFor: () => source,
      now: () => new Date(at(30)),
    };
    await addShop(deps, quickShopInput({ code: 'EU', domain: 'eu-shop.myshopify.com', token: 'shpat_x' }));
  });
  afterEach(async () => {
    await store.close();
  });

  it('stages changed orders page by page, then imports each one; the cursor ends at the newest', async () => {
    source.put(order(1, 1), order(2, 2), order(3, 3));
    const summary = await syncOrders(deps, 'EU', { bulk: false });
    expect(summary).toMatchObject({ staged: 3, imported: 3, errors: [], skipped: 0 });
    expect(summary.stage).toMatchObject({ pages: 2, cursor: at(3) });
    expect(await listOrdersToImport(deps, 'EU')).toEqual([]);
    expect(await showImportedOrder(deps, 'EU', '2')).toMatchObject({ name: '#2', processed: false });
  });

  it('a first sync is a bulk backfill; the unsorted export moves the cursor to the newest order', async () => {
    source.put(order(1, 1), order(2, 5), order(3, 3));
    const summary = await syncOrders(deps, 'EU');
    expect(summary.stage).toMatchObject({ bulk: true, cursor: at(5) });
    expect(source.calls).toEqual(['ordersInBulk null']);
  });

  it('a second sync of unchanged orders creates nothing and calls Shopify once', async () => {
    await settings('autoCreateDocuments=true');
    source.put(order(1, 1), order(2, 2));
    await syncOrders(deps, 'EU');
    const second = await syncOrders(deps, 'EU');
    expect(second).toMatchObject({ staged: 0, imported: 0, skipped: 0 });
    expect(books.created).toHaveLength(2);
    expect(source.calls.at(-1)).toBe(`changedOrders ${at(2)}`);
  });

  it('a run killed halfway loses nothing and duplicates nothing', async () => {
    source.put(order(1, 1), order(2, 2), order(3, 3), order(4, 4), order(5, 5));
    source.failAfterPages = 1;
    await expect(stageOrders(deps, 'EU', { bulk: false })).rejects.toThrow('connection lost');
    const afterCrash = await listOrdersToImport(deps, 'EU');
    expect(afterCrash.map((row) => row.shopifyOrderId).sort()).toEqual(['1', '2']);
    source.failAfterPages = null;
    const resumed = await stageOrders(deps, 'EU', { bulk: false });
    // More orders of minute 2 could have followed on page 2: the cursor stopped at minute 1.
    expect(source.calls.at(-1)).toBe(`changedOrders ${at(1)}`);
    expect(resumed.outcomes).toMatchObject({ staged: 3, current: 1 });
    expect((await listOrdersToImport(deps, 'EU')).map((row) => row.shopifyOrderId)).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('orders sharing an updatedAt across a page boundary are fetched again on resume, never skipped', async () => {
    source.put(order(1, 1), order(2, 2), order(3, 2));
    await stageOrders(deps, 'EU', { bulk: true });
    await store.db
      .updateTable('sync_cursors')
      .set({ cursor_value: at(0) })
      .execute();
    await store.db.deleteFrom('orders_to_import').execute();
    source.failAfterPages = 1;
    await expect(stageOrders(deps, 'EU', { bulk: false })).rejects.toThrow();
    // Page 1 held #1 and #2 (both minute 1-2) with more at minute 2 to come: the cursor stops at minute 1.
    const cursor = await store.db.selectFrom('sync_cursors').select('cursor_value').executeTakeFirstOrThrow();
    expect(cursor.cursor_value).toBe(at(1));
  });

  it('every payload version is kept; an older version never overwrites a newer one', async () => {
    source.put(order(1, 5, { note: 'new' }));
    await syncOrders(deps, 'EU');
    const old = order(1, 1, { note: 'old' });
    source.put(old);
    await store.db.updateTable('sync_cursors').set({ cursor_value: null }).execute(); // a replay from the start
    const stale = await stageOrders(deps, 'EU', { bulk: true });
    expect(stale.outcomes).toMatchObject({ staged: 0, current: 1 });
    expect(await tableCount('order_versions')).toBe(2);
    const mirrored = await store.db
      .selectFrom('shopify_orders')
      .select('order_data')
      .executeTakeFirstOrThrow();
    expect((mirrored.order_data as Order).note).toBe('new');
  });

  it('integration date, archived-before-first-sync and the filters decide what is staged', async () => {
    await settings(
      'integrationDate=2025-03-10',
      'orderFilters.tags=@*vip*',
      'orderFilters.channel=<>Point of Sale',
    );
    source.put(
      order(1, 1, { tags: ['VIP'] }),
      order(2, 2, { tags: ['VIP'], createdAt: '2025-03-09T12:00:00Z' }),
      order(3, 3, { tags: ['VIP'], closedAt: at(4) }),
      order(4, 4, { tags: ['gold'] }),
      order(5, 5, { tags: ['vip'], channel: 'Point of Sale' }),
    );
    const summary = await stageOrders(deps, 'EU');
    expect(summary.outcomes).toMatchObject({
      staged: 1,
      before_integration_date: 1,
      archived_before_first_sync: 1,
      filtered_out: 2,
    });
  });

  it('a missing item marks its row with the error and the rest go on; a retry imports it once fixed', async () => {
    await settings('autoCreateDocuments=true');
    books.missingSkus.add('SB-MUG');
    const importErrors: string[] = []; // what the runtime counts in storebridge_import_errors_total
    deps = { ...deps, onImportError: (shop, code) => importErrors.push(`${shop} ${code}`) };
    source.put(order(1, 1, { lines: [aLine({ sku: 'SB-MUG' })] }), order(2, 2));
    const first = await syncOrders(deps, 'EU');
    expect(first).toMatchObject({ imported: 1, errors: [{ shopifyOrderId: '1', code: 'item_not_found' }] });
    expect(importErrors).toEqual(['EU item_not_found']);
    const [row] = await listOrdersToImport(deps, 'EU');
    expect(row).toMatchObject({ shopifyOrderId: '1', hasError: true, attempts: 1 });
    expect(row?.errorMessage).toContain('SB-MUG');
    expect(await showImportedOrder(deps, 'EU', '1')).toBeNull(); // nothing else written

    await syncOrders(deps, 'EU');
    expect((await listOrdersToImport(deps, 'EU'))[0]).toMatchObject({ attempts: 2 });
    expect(importErrors).toHaveLength(2);
    books.missingSkus.clear();
    const retried = await importStagedOrders(deps, 'EU', { shopifyOrderIds: ['1'] });
    expect(retried).toMatchObject([{ status: 'imported', documents: [{ number: 'SO-0002' }] }]);
    expect(await listOrdersToImport(deps, 'EU')).toEqual([]);
  });

  it('deleting a staged row excludes the order until Shopify changes it again', async () => {
    books.missingSkus.add('SB-TEE');
    await settings('autoCreateDocuments=true');
    source.put(order(1, 1));
    await syncOrders(deps, 'EU');
    await expect(excludeStagedOrders(deps, 'EU', ['1', '99'])).rejects.toThrow('Order 99 is not waiting');
    expect(await excludeStagedOrders(deps, 'EU', ['1'])).toBe(1);
    expect(await syncOrders(deps, 'EU')).toMatchObject({ staged: 0, imported: 0 });
    source.put(order(1, 9, { note: 'changed' }));
    expect(await syncOrders(deps, 'EU')).toMatchObject({ staged: 1 });
  });

  it('a deleted row stays excluded when the sync reads its version again (bulk backfill, inclusive search)', async () => {
    await settings('autoCreateDocuments=true');
    source.inclusiveSearch = true; // as Shopify's `updated_at:>=` search: the cursor's version comes back
    books.missingSkus.add('SB-TEE');
    source.put(order(1, 1), order(2, 2));
    const backfill = await syncOrders(deps, 'EU');
    expect(backfill.stage).toMatchObject({ bulk: true, cursor: at(2) });
    expect(await excludeStagedOrders(deps, 'EU', ['1', '2'])).toBe(2);
    books.missingSkus.clear(); // the item exists now: only the exclusion keeps the orders out

    const paged = await syncOrders(deps, 'EU');
    expect(source.calls.at(-1)).toBe(`changedOrders ${at(2)}`);
    expect(paged).toMatchObject({ staged: 0, imported: 0 });
    expect(paged.stage.outcomes).toMatchObject({ excluded: 1 });
    await store.db.updateTable('sync_cursors').set({ cursor_value: null }).execute(); // a backfill run again
    const rerun = await stageOrders(deps, 'EU', { bulk: true });
    expect(rerun.outcomes).toMatchObject({ staged: 0, excluded: 2 });
    expect(await listOrdersToImport(deps, 'EU')).toEqual([]);
    expect(books.created).toEqual([]);

    // Shopify changes #2: it is staged and imported; #1, unchanged, stays out.
    source.put(order(2, 9, { note: 'changed' }));
    expect(await syncOrders(deps, 'EU')).toMatchObject({ staged: 1, imported: 1 });
    expect(books.created.map((created) => created.shopifyOrderId)).toEqual(['2']);
    await store.db.updateTable('sync_cursors').set({ cursor_value: null }).execute(); // a replay from the start
    expect((await stageOrders(deps, 'EU', { bulk: true })).outcomes).toMatchObject({
      staged: 0,
      excluded: 1,
    });
    // The operator may still take #1 on purpose.
    expect(await reimportOrder(deps, 'EU', '1')).toMatchObject({ status: 'imported' });
    expect(await store.db.selectFrom('excluded_orders').select('shopify_order_id').execute()).toEqual([]);
  });

  it('an edit after processing marks the order conflict; unlink and re-import recover it', async () => {
    await settings('autoCreateDocuments=true');
    source.put(order(1, 1));
    await syncOrders(deps, 'EU');
    source.put(order(1, 5, { lines: [aLine({ quantity: 3 })] }));
    const edited = await syncOrders(deps, 'EU');
    expect(edited).toMatchObject({ imported: 1, conflicts: 1 });
    const conflicted = await showImportedOrder(deps, 'EU', '1');
    expect(conflicted).toMatchObject({ processed: true, conflict: true, documentNos: ['SO-0001'] });
    expect(conflicted?.conflictMessage).toContain('has already been processed in storebridge');

    expect(await unlinkOrder(deps, 'EU', '1')).toEqual({ unlinked: ['SO-0001'] });
    expect(books.unlinked).toEqual(['1']);
    const result = await reimportOrder(deps, 'EU', '1');
    expect(result).toMatchObject({ status: 'imported', conflict: false, documents: [{ number: 'SO-0002' }] });
    expect(await showImportedOrder(deps, 'EU', '1')).toMatchObject({ processed: true, conflict: false });
  });

  it('before processing an edit just updates the order; its zero-amount refund is not convertible', async () => {
    source.put(order(1, 1, { lines: [aLine({ quantity: 2 })] }));
    await syncOrders(deps, 'EU');
    const refund = aRefund({ lines: [aRefundLine({ quantity: 1, restockType: 'cancel' })] });
    source.put(order(1, 5, { lines: [aLine({ quantity: 2, currentQuantity: 1 })], refunds: [refund] }));
    expect(await syncOrders(deps, 'EU')).toMatchObject({ imported: 1, conflicts: 0 });
    expect(await showImportedOrder(deps, 'EU', '1')).toMatchObject({
      conflict: false,
      refunds: [{ shopifyRefundId: '7001', convertibleToCreditMemo: false, reason: 'zero_amount_from_edit' }],
    });
  });

  it('writes the document no. back after commit; the next sync sees no change (no re-import loop)', async () => {
    await settings('autoCreateDocuments=true', 'writeDocumentNoAsAttribute=true');
    source.put(order(1, 1));
    const first = await syncOrders(deps, 'EU');
    expect(first.warnings).toEqual([]);
    expect(source.calls).toContain('setOrderAttribute 1 storebridge_document_no=SO-0001');
    const second = await syncOrders(deps, 'EU');
    expect(second).toMatchObject({ staged: 0, imported: 0, skipped: 1 });
    expect(second.stage.outcomes.unchanged).toBe(1);
    expect(books.created).toHaveLength(1);
    expect(await syncOrders(deps, 'EU')).toMatchObject({ staged: 0, skipped: 0 });
  });

  it('resolves an order given as id, GID or name within the shop', async () => {
    source.put(order(1, 1));
    await syncOrders(deps, 'EU');
    expect(await resolveOrderId(store.db, 'EU', 'gid://shopify/Order/1')).toBe('1');
    expect(await resolveOrderId(store.db, 'EU', '#1')).toBe('1');
    await expect(resolveOrderId(store.db, 'EU', '#404')).rejects.toThrow(
      'Order #404 is not known in shop "EU"',
    );
    await expect(resolveOrderId(store.db, 'EU', 'abc')).rejects.toThrow('--order: "abc"');
  });
});
