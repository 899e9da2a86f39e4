import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addTestUser, type TestUser } from '../../access/testing/test-users.ts';
import { aLine, anOrder } from '../../domain/testing/order-builders.ts';
import { describeOnEachBackend } from '../../../test/support/test-store.ts';
import { now, openRefundBooks } from '../testing/refund-books.ts';
import { listShipments, postShipment, resetShipment, setShippingAgent } from './index.ts';

/**
 * Posting a shipment of a sales order from Shopify (issue 8 item 5, seed 002): a posted document
 * with its own number that moves stock out (on hand and released down) and records the quantity
 * shipped, all or nothing, never changed afterwards; only a role that may sync shipments posts.
 */
describeOnEachBackend('posting a sales shipment', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  let agent: TestUser;
  let salesOrderNo: string;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
    agent = await addTestUser(books.store.db, 'agent');
    const [document] = await books.sell(
      anOrder({
        lines: [
          aLine({ shopifyId: '9001', sku: 'SB-TEE', quantity: 2 }),
          aLine({ shopifyId: '9002', sku: 'SB-MUG', title: 'Mug', quantity: 1 }),
        ],
      }),
      { ...books.shop, autoReleaseSalesOrders: true },
    );
    salesOrderNo = document!.number!;
    await setShippingAgent(books.store.db, {
      code: 'UPS',
      name: 'UPS',
      shopifyTrackingCompany: null,
      trackingUrlTemplate: null,
      services: ['EXPRESS'],
    });
  });
  afterEach(async () => {
    await books.store.close();
  });

  const post = (lines: { lineNo: number; quantity: number }[] | 'all', extra = {}) =>
    postShipment(books.store.db, agent.actor, { shopCode: 'WEB', salesOrderNo, lines, ...extra }, now);

  it('ships part of a line: stock out once at its location, released down, quantity shipped recorded', async () => {
    expect(await books.stock('1000')).toEqual(['1000@MAIN 10/2/8']);
    const shipment = await post([{ lineNo: 1, quantity: 1 }], {
      trackingNumber: '1Z1',
      shippingAgentCode: 'UPS',
      shippingAgentServiceCode: 'EXPRESS',
    });
    expect(shipment).toMatchObject({
      number: 'SHIP-000001',
      status: 'posted',
      salesOrderNo,
      shopifyOrderId: '1001',
      postingDate: '2025-03-10',
      trackingNumber: '1Z1',
      shippingAgentCode: 'UPS',
      shippingAgentServiceCode: 'EXPRESS',
      postedBy: 'agent',
      sendStatus: 'pending',
      lines: [
        {
          lineNo: 1,
          salesOrderLineNo: 1,
          itemNo: '1000',
          description: 'Tee',
          locationCode: 'MAIN',
          quantity: 1,
          shopifyLineId: '9001',
          shopifyFulfillmentId: null,
        },
      ],
    });
    expect(await books.stock('1000')).toEqual(['1000@MAIN 9/1/8']);
    const movements = await books.store.db
      .selectFrom('stock_movements')
      .select(['item_no', 'quantity', 'kind', 'voucher_type', 'voucher_no'])
      .where('voucher_type', '=', 'sales_shipment')
      .execute();
    expect(movements).toEqual([
      {
        item_no: '1000',
        quantity: -1,
        kind: 'sale',
        voucher_type: 'sales_shipment',
        voucher_no: 'SHIP-000001',
      },
    ]);
    const shipped = await books.store.db
      .selectFrom('document_lines')
      .select(['line_no', 'quantity_shipped'])
      .where('no', 'in', ['1000', '1001'])
      .orderBy('line_no')
      .execute();
    expect(shipped).toEqual([
      { line_no: 1, quantity_shipped: 1 },
      { line_no: 2, quantity_shipped: 0 },
    ]);

    // --all ships what is left of every line, and no more afterwards.
    const rest = await post('all');
    expect(rest.lines.map((l) => [l.salesOrderLineNo, l.quantity])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(await books.stock('1000')).toEqual(['1000@MAIN 8/0/8']);
    await expect(post('all')).rejects.toThrow(`all: sales order ${salesOrderNo} has nothing left to ship`);
    expect((await listShipments(books.store.db, { shopCode: 'WEB' })).map((s) => s.number)).toEqual([
      'SHIP-000001',
      'SHIP-000002',
    ]);
  });

  it('a bad request is refused naming every field, and nothing of it is written', async () => {
    const before = await books.footprint();
    await expect(
      post(
        [
          { lineNo: 1, quantity: 1 },
          { lineNo: 2, quantity: 2 },
          { lineNo: 9, quantity: 1 },
          { lineNo: 1, quantity: 1 },
        ],
        { shippingAgentCode: 'UPS', shippingAgentServiceCode: 'SLOW', trackingUrl: 'ftp://x' },
      ),
    ).rejects.toThrow(
      'lines.1.quantity: line 2 (1001) has 1 left to ship, not 2; ' +
        `lines.2.lineNo: sales order ${salesOrderNo} has no line 9; lines.3.lineNo: line 1 is named twice; ` +
        'shippingAgentServiceCode: shipping agent UPS has no service SLOW; trackingUrl: must be an http(s) URL',
    );
    await expect(post([{ lineNo: 1, quantity: 0.5 }])).rejects.toThrow(
      'lines.0.quantity: must be a whole number above 0, got 0.5',
    );
    await expect(
      postShipment(books.store.db, agent.actor, { shopCode: 'WEB', salesOrderNo: 'SO-999999', lines: 'all' }),
    ).rejects.toThrow('document: shop WEB has no sales order SO-999999');
    expect(await books.footprint()).toEqual(before);
    expect(await listShipments(books.store.db)).toEqual([]);
  });

  it('a read-only user is refused before anything is written; the refusal is audited', async () => {
    const reader = await addTestUser(books.store.db, 'read_only', 'reader');
    const before = await books.footprint();
    await expect(
      postShipment(books.store.db, reader.actor, { shopCode: 'WEB', salesOrderNo, lines: 'all' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await books.footprint()).toEqual(before);
    const audit = await books.store.db.selectFrom('audit_log').select(['user_name', 'outcome']).execute();
    expect(audit).toEqual([{ user_name: 'reader', outcome: 'refused' }]);
  });

  it('a posted shipment never changes; only its send state moves', async () => {
    const shipment = await post([{ lineNo: 1, quantity: 1 }]);
    const db = books.store.db;
    await expect(
      sql`update sales_shipments set tracking_number = 'X' where id = ${shipment.id}`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      sql`update sales_shipment_lines set quantity = 2 where shipment_id = ${shipment.id}`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from sales_shipments where id = ${shipment.id}`.execute(db)).rejects.toThrow(
      /cannot be deleted/,
    );
    await sql`update sales_shipments set send_status = 'failed', last_error = 'x' where id = ${shipment.id}`.execute(
      db,
    );
    const [after] = await listShipments(db);
    expect(after).toMatchObject({ sendStatus: 'failed', lastError: 'x', trackingNumber: null });
  });

  it('a failed or not sendable shipment can be put back to pending; a pending or sent one cannot', async () => {
    const shipment = await post([{ lineNo: 1, quantity: 1 }]);
    const reset = () =>
      resetShipment(books.store.db, agent.actor, { shopCode: 'WEB', number: shipment.number });
    await expect(reset()).rejects.toThrow(
      'shipment: SHIP-000001 is pending; only a failed or not sendable shipment is reset',
    );
    await sql`update sales_shipments set send_status = 'not_sendable', last_error = 'no Shopify line' where id = ${shipment.id}`.execute(
      books.store.db,
    );
    expect(await reset()).toMatchObject({ sendStatus: 'pending', lastError: null, trackingNumber: null });
    await expect(
      resetShipment(books.store.db, agent.actor, { shopCode: 'WEB', number: 'SHIP-999999' }),
    ).rejects.toThrow('shipment: shop WEB has no shipment SHIP-999999');
  });
});
