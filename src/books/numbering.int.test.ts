import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { numberEach, type NumberSeriesCode } from './numbering.ts';

describeOnEachBackend('numbering a batch of documents', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(() => store.close());

  it('numbers each document from its own series, in the order the documents come', async () => {
    const numbers = await store.db
      .transaction()
      .execute((trx) => numberEach(trx, ['sales_order', 'sales_invoice', 'sales_order']));
    expect(numbers).toEqual(['SO-000001', 'SI-000001', 'SO-000002']);
  });

  it('lets batches whose documents come in opposite orders run side by side without a deadlock', async () => {
    // Each batch locks the series rows it takes numbers from until it commits. Taken in the order
    // the documents came, one batch held sales_order and waited for sales_invoice while the other
    // held sales_invoice and waited for sales_order: PostgreSQL aborted one (40P01).
    const orders: NumberSeriesCode[][] = [
      ['sales_order', 'sales_invoice'],
      ['sales_invoice', 'sales_order'],
    ];
    const batches = Array.from({ length: 20 }, (_, index) =>
      store.db.transaction().execute((trx) => numberEach(trx, orders[index % 2]!)),
    );
    const numbers = (await Promise.all(batches)).flat();
    expect(new Set(numbers).size).toBe(40);
    expect(
      numbers
        .filter((n) => n.startsWith('SO-'))
        .sort()
        .at(-1),
    ).toBe('SO-000022');
  });
});
