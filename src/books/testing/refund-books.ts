import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Backend } from '../../db/index.ts';
import type { Order, Refund } from '../../domain/order.ts';
import { demoAccounts } from '../../demo/index.ts';
import { loadDemoMasterData } from '../../masterdata/index.ts';
import { formatMoney, money } from '../../money/index.ts';
import type { RefundDocumentsDecision } from '../refunds/create-refund-documents.ts';
import { refundDocuments } from '../../rules/refund-documents.ts';
import { withExchanges, type ReturnExchange } from '../../rules/testing/refund-fixtures.ts';
import { addShop, getShopConnection, type PublicShopSettings } from '../../shops/index.ts';
import { openTestStore, type TestStore } from '../../../test/support/test-store.ts';
import {
  adjustStock,
  createRefundDocuments,
  createSalesDocuments,
  documentJson,
  listDocuments,
  refundInputs,
  stockLevels,
  type CreateRefundDocumentsResult,
} from '../index.ts';

/** The demo chart of accounts, as the demo shop sets it. */
export const testAccounts = demoAccounts;

export const now = () => new Date('2025-03-10T12:00:00Z');

/**
 * A store with the demo master data, shop WEB (auto credit memos, customer refunds paid from
 * 1020, Shopify location 1 = MAIN, 2 = EAST, returns at MAIN or where Shopify restocked, every
 * order for customer C0001) and opening stock: 10 Tee (1000), 10 Mug (1001), 5 Cap (1002) at MAIN.
 * The books are driven as sync drives them: sales documents, then per refund refundInputs ->
 * refundDocuments (the rule) -> createRefundDocuments.
 */
export async function openRefundBooks(backend: Backend) {
  const store: TestStore = await openTestStore(backend);
  await loadDemoMasterData(store.db);
  const secretKey = randomBytes(32);
  await addShop(
    { db: store.db, secretKey },
    {
      code: 'WEB',
      shopifyDomain: 'web.myshopify.com',
      credentials: { accessToken: 'shpat_test' },
      autoCreateDocuments: true,
      returnsAndRefundsMode: 'auto_create_credit_memo',
      createCustomerRefunds: true,
      defaultReturnLocation: 'MAIN',
      returnLocationPriority: 'original_then_default',
      customerMappingType: 'default_customer',
      defaultCustomerNo: 'C0001',
      accounts: testAccounts,
      locationMappings: [
        { shopifyLocationId: '1', locationCode: 'MAIN', isDefault: true },
        { shopifyLocationId: '2', locationCode: 'EAST' },
      ],
    },
  );
  const shop = (await getShopConnection({ db: store.db, secretKey }, 'WEB')).settings;
  await store.db.transaction().execute((trx) =>
    adjustStock(trx, {
      voucherNo: 'OPENING',
      lines: ['1000', '1001'].map((itemNo) => ({ itemNo, locationCode: 'MAIN', quantity: 10 })),
    }),
  );
  await store.db.transaction().execute((trx) =>
    adjustStock(trx, {
      voucherNo: 'OPENING-CAP',
      lines: [{ itemNo: '1002', locationCode: 'MAIN', quantity: 5 }],
    }),
  );

  return {
    store,
    shop,
    /** The order's sales document, as the import makes it. */
    async sell(order: Order, settings: PublicShopSettings = shop) {
      const result = await store.db
        .transaction()
        .execute((trx) => createSalesDocuments(trx, { shop: settings, order, now }));
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.documents.map(documentJson);
    },
    /** The rule's decision for the refund, from what the books hold now. */
    async decide(order: Order, refund: Refund, exchanges: ReturnExchange[] = []) {
      const inputs = await refundInputs(store.db, { shop, order, refund });
      const exchanged = withExchanges(order, exchanges);
      const outcome = refundDocuments({ order: exchanged, refund, ...inputs, settings: shop });
      if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '));
      if (outcome.decision.outcome !== 'documents') throw new Error(outcome.decision.message);
      return outcome.decision;
    },
    async write(
      order: Order,
      refund: Refund,
      decision: RefundDocumentsDecision,
      settings: PublicShopSettings = shop,
    ): Promise<CreateRefundDocumentsResult> {
      return store.db
        .transaction()
        .execute((trx) => createRefundDocuments(trx, { shop: settings, order, refund, decision, now }));
    },
    async documents(order: string) {
      return (await listDocuments(store.db, { shopCode: 'WEB', order })).map(documentJson);
    },
    /** Each document's G/L entries as a journal ("Dr 1200 72.50"), in posting order. */
    async journal(): Promise<Record<string, string[]>> {
      const rows = await store.db.selectFrom('gl_entries').selectAll().orderBy('id').execute();
      const journal: Record<string, string[]> = {};
      for (const row of rows) {
        const side =
          row.debit_minor > 0
            ? `Dr ${row.account_no} ${usd(row.debit_minor)}`
            : `Cr ${row.account_no} ${usd(row.credit_minor)}`;
        (journal[row.document_no] ??= []).push(side);
      }
      return journal;
    },
    /** Documents whose entries do not balance (sum debit != sum credit): none, ever. */
    async unbalanced(): Promise<string[]> {
      const { rows } = await sql<{ document_no: string }>`
        select document_no from gl_entries group by document_no
        having sum(debit_minor) <> sum(credit_minor)`.execute(store.db);
      return rows.map((row) => row.document_no);
    },
    /** "itemNo@location onHand/released/ATS" for one item. */
    async stock(itemNo: string): Promise<string[]> {
      return (await stockLevels(store.db, { itemNo })).map(
        (l) => `${l.itemNo}@${l.locationCode ?? '-'} ${l.onHand}/${l.released}/${l.availableToSell}`,
      );
    },
    /** Rows per table that a refund writes to, and the number series: what a refusal must leave as it was. */
    async footprint() {
      const count = async (table: 'documents' | 'document_lines' | 'gl_entries' | 'stock_movements') =>
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      return {
        documents: Number(await count('documents')),
        lines: Number(await count('document_lines')),
        entries: Number(await count('gl_entries')),
        movements: Number(await count('stock_movements')),
        series: await store.db
          .selectFrom('number_series')
          .select(['code', 'last_no'])
          .orderBy('code')
          .execute(),
        lineFigures: await store.db
          .selectFrom('document_lines')
          .select(['document_id', 'line_no', 'quantity', 'amount_minor', 'released_quantity'])
          .orderBy('document_id')
          .orderBy('line_no')
          .execute(),
      };
    },
  };
}

const usd = (minor: number) => formatMoney(money(minor, 'USD'));
