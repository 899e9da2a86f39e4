import { afterEach, beforeEach, expect, it } from 'vitest';
import { aLine, anOrder, bag } from '../domain/testing/order-builders.ts';
import { paid, refundOf, shipped, withRefund } from '../domain/testing/refund-builders.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import { importExchangeRates, orderDocumentsState, refundExchangeRate, refundInputs } from './index.ts';
import { openRefundBooks } from './testing/refund-books.ts';

/**
 * What sync hands the refund rule from the books (docs/refunds.md "Input"): the stage of the
 * order's documents (seed 004 4.1), their lines, the refunds the sales document already holds,
 * the items for the order's SKUs, and the exchange rate on the refund's date.
 */
const tee = aLine({ shopifyId: '9001', sku: 'SB-TEE', title: 'Tee', quantity: 2 });
const order = paid(anOrder({ lines: [tee] }));

describeOnEachBackend('orderDocumentsState and refundInputs', (backend) => {
  let books: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    books = await openRefundBooks(backend);
  });
  afterEach(async () => {
    await books.store.close();
  });
  const state = (shopifyOrderId = '1001') =>
    orderDocumentsState(books.store.db, { shopCode: 'WEB', shopifyOrderId });

  it('none before the sales document; open or released with the sales order lines', async () => {
    expect(await state()).toEqual({
      documents: { stage: 'none' },
      reflectedRefundIds: [],
      itemsBySku: new Map(),
    });
    await books.sell(order, { ...books.shop, autoReleaseSalesOrders: true });
    expect((await state()).documents).toEqual({
      stage: 'released',
      salesOrder: { type: 'sales_order', number: 'SO-000001' },
      lines: [
        {
          lineNo: 1,
          shopifyLineId: '9001',
          type: 'item',
          no: '1000',
          quantity: 2,
          releasedQuantity: 2,
          locationCode: 'MAIN',
        },
      ],
    });
    // Without the order, the items come from the document's item lines.
    expect((await state()).itemsBySku).toEqual(
      new Map([['SB-TEE', { no: '1000', description: 'Storebridge Tee', type: 'inventory' }]]),
    );
  });

  it('shipped_invoiced with the refunds the invoice was made after', async () => {
    const sold = shipped(order);
    const earlier = refundOf(sold, { lines: [{ line: '9001', quantity: 1, restock: 'return' }] });
    const later = withRefund(sold, earlier);
    await books.sell(later);
    const inputs = await refundInputs(books.store.db, { shop: books.shop, order: later, refund: earlier });
    expect(inputs).toMatchObject({
      documents: { stage: 'shipped_invoiced', invoice: { type: 'sales_invoice', number: 'SI-000001' } },
      reflectedRefundIds: ['7001'],
      exchangeRate: null,
    });
    expect(inputs.documents.stage === 'shipped_invoiced' && inputs.documents.lines[0]?.quantity).toBe(1);
  });

  it('the exchange rate valid on the refund date in the shop time zone, for a shop currency that is not local', async () => {
    await importExchangeRates(books.store.db, {
      fileName: 'rates.json',
      content: JSON.stringify([
        { currency: 'EUR', startingDate: '2025-03-01', rate: '1.0850' },
        { currency: 'EUR', startingDate: '2025-03-06', rate: '1.0900' },
      ]),
    });
    const eur = { ...anOrder({ shopCurrency: 'EUR', lines: [aLine({ unitPrice: bag(2500, 'EUR') })] }) };
    const refund = refundOf(eur, { createdAt: '2025-03-05T23:30:00Z' });
    const shop = { ...books.shop, shopCurrency: 'EUR' };
    expect(await refundExchangeRate(books.store.db, { shop, order: eur, refund })).toEqual({
      currency: 'EUR',
      startingDate: '2025-03-01',
      rate: '1.0850',
    });
    const tokyo = { ...shop, timeZone: 'Asia/Tokyo' };
    expect(await refundExchangeRate(books.store.db, { shop: tokyo, order: eur, refund })).toMatchObject({
      rate: '1.0900',
    });
  });
});
