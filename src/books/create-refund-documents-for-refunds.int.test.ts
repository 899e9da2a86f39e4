import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Order } from '../domain/order.ts';
import { aLine, anOrder, aShippingLine, bag } from '../domain/testing/order-builders.ts';
import { refundOf, shipped, withRefund } from '../domain/testing/refund-builders.ts';
import { describeOnEachBackend } from '../../test/support/test-store.ts';
import {
  createRefundDocuments,
  createRefundDocumentsForRefunds,
  unlinkOrderDocuments,
  type RefundToBook,
} from './index.ts';
import { now, openRefundBooks } from './testing/refund-books.ts';

/**
 * A batch of refunds of distinct orders (how sync books them: docs/order-import.md "Throughput")
 * gives, refund by refund and row by row, what createRefundDocuments one refund at a time gives:
 * the same results, numbers, lines, postings, stock movements and number series; a refusal in
 * the middle writes nothing of its refund.
 */
const tax = (minor: number) => [{ title: 'Sales tax', rate: '0.08', amount: bag(minor) }];

function order(id: number): Order {
  const tee = aLine({ shopifyId: `${id}1`, sku: 'SB-TEE', title: 'Tee', quantity: 2, taxLines: tax(400) });
  const mug = aLine({ shopifyId: `${id}2`, sku: 'SB-MUG', unitPrice: bag(1250), taxLines: tax(100) });
  const standard = aShippingLine({ shopifyId: `${id}3`, title: 'Standard', price: bag(500) });
  return shipped(
    anOrder({ shopifyId: String(id), name: `#${id}`, lines: [tee, mug], shippingLines: [standard] }),
  );
}

describeOnEachBackend('createRefundDocumentsForRefunds', (backend) => {
  let one: Awaited<ReturnType<typeof openRefundBooks>>;
  let batch: Awaited<ReturnType<typeof openRefundBooks>>;
  beforeEach(async () => {
    one = await openRefundBooks(backend);
    batch = await openRefundBooks(backend);
  });
  afterEach(async () => {
    await one.store.close();
    await batch.store.close();
  });

  it('gives, refund by refund and row by row, what createRefundDocuments one refund at a time gives', async () => {
    let refunds: RefundToBook[] = [];
    for (const books of [one, batch]) {
      const planned: RefundToBook[] = [];
      for (const [id, restock] of [
        [1001, 'return'],
        [1002, 'no_restock'],
        [1003, 'return'],
      ] as const) {
        const sold = order(id);
        await books.sell(sold);
        const refund = refundOf(sold, {
          id: `${id}7`,
          lines: [{ line: `${id}1`, quantity: 1, restock, location: '2' }],
          shipping: id === 1003 ? [{ line: `${id}3` }] : [],
        });
        const now = withRefund(sold, refund);
        planned.push({ order: now, refund, decision: await books.decide(now, refund) });
      }
      // The refund of #1002 applies to an invoice unlinked since it was decided: refused.
      await books.store.db
        .transaction()
        .execute((trx) => unlinkOrderDocuments(trx, { shopCode: 'WEB', shopifyOrderId: '1002' }));
      // Both stores hold the same books, so their decisions are the same.
      refunds = planned;
    }

    const oneByOne = [];
    for (const refund of refunds)
      oneByOne.push(
        await one.store.db
          .transaction()
          .execute((trx) => createRefundDocuments(trx, { shop: one.shop, ...refund, now })),
      );
    const together = await batch.store.db
      .transaction()
      .execute((trx) => createRefundDocumentsForRefunds(trx, { shop: batch.shop, refunds, now }));

    expect(together.map((result) => result.ok)).toEqual([true, false, true]);
    expect(together[1]).toMatchObject({ ok: false, error: { code: 'applies_to_not_found' } });
    expect(withoutIds(together)).toEqual(withoutIds(oneByOne));
    expect(await rows(batch)).toEqual(await rows(one));
    expect(await batch.unbalanced()).toEqual([]);
  });

  it('refuses two refunds of one order in one batch: the second is decided on what the first writes', async () => {
    const sold = order(1001);
    await batch.sell(sold);
    const first = refundOf(sold, { id: '10017', lines: [{ line: '10011', quantity: 1, restock: 'return' }] });
    const second = refundOf(sold, {
      id: '10018',
      lines: [{ line: '10012', quantity: 1, restock: 'return' }],
    });
    const decided = [first, second].map(async (refund) => {
      const now = withRefund(sold, refund);
      return { order: now, refund, decision: await batch.decide(now, refund) };
    });
    const refunds = await Promise.all(decided);
    await expect(
      batch.store.db
        .transaction()
        .execute((trx) => createRefundDocumentsForRefunds(trx, { shop: batch.shop, refunds, now })),
    ).rejects.toThrow(TypeError);
  });
});

/** Results without the database ids (two stores number their rows alike, but ids are no promise). */
function withoutIds(results: readonly unknown[]): unknown {
  return JSON.parse(JSON.stringify(results, (key, value: unknown) => (key === 'id' ? undefined : value)));
}

/** What a refund writes, in writing order, without ids and clock columns. */
async function rows(books: Awaited<ReturnType<typeof openRefundBooks>>) {
  const query = async (text: string) => (await sql.raw(text).execute(books.store.db)).rows;
  return {
    documents: await query(
      `select type, number, status, shopify_order_id, shopify_refund_id, customer_no, document_date,
        amount_minor, tax_amount_minor, amount_including_tax_minor, applies_to, payment_method,
        paid_from_account, unlinked_at is null as linked from documents order by id`,
    ),
    lines: await query(
      `select d.number, l.line_no, l.type, l.no, l.quantity, l.amount_minor, l.tax_amount_minor,
        l.location_code, l.released_quantity, l.reason from document_lines l
        join documents d on d.id = l.document_id order by d.id, l.line_no`,
    ),
    gl: await query(
      `select document_type, document_no, line_no, account_no, debit_minor, credit_minor from gl_entries order by id`,
    ),
    stock: await query(
      `select item_no, location_code, quantity, kind, voucher_type, voucher_no, voucher_line_no
        from stock_movements order by id`,
    ),
    series: await query(`select code, last_no from number_series order by code`),
  };
}
