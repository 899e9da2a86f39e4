import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoMasterData } from '../masterdata/index.ts';
import { ConflictError, ValidationError } from '../shared/errors.ts';
import { describeOnEachBackend, openTestStore, type TestStore } from '../../test/support/test-store.ts';
import { adjustStock, stockLevels } from './index.ts';

describeOnEachBackend('stock ledger', (backend) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await openTestStore(backend);
    await loadDemoMasterData(store.db);
  });
  afterEach(() => store.close());

  const adjust = (adjustment: Parameters<typeof adjustStock>[1]) =>
    store.db.transaction().execute((trx) => adjustStock(trx, adjustment));

  it('opening balances move on hand; replaying the voucher is a no-op', async () => {
    const opening = {
      voucherNo: 'OPENING',
      lines: [
        { itemNo: '1000', locationCode: 'MAIN', quantity: 10 },
        { itemNo: '1001', locationCode: 'EAST', quantity: 4 },
      ],
    };
    expect(await adjust(opening)).toEqual({ voucherNo: 'OPENING', created: true });
    expect(await adjust(opening)).toEqual({ voucherNo: 'OPENING', created: false });
    expect(await adjust({ lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: -3 }] })).toEqual({
      voucherNo: 'IA-000001',
      created: true,
    });
    expect(await stockLevels(store.db)).toEqual([
      { itemNo: '1000', locationCode: 'MAIN', onHand: 7, released: 0, availableToSell: 7 },
      { itemNo: '1001', locationCode: 'EAST', onHand: 4, released: 0, availableToSell: 4 },
    ]);
  });

  it('the same voucher no. with other lines is refused', async () => {
    await adjust({ voucherNo: 'OPENING', lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 10 }] });
    await expect(
      adjust({ voucherNo: 'OPENING', lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 11 }] }),
    ).rejects.toThrow(ConflictError);
  });

  it('bad lines are refused together, naming each; nothing is written', async () => {
    const attempt = adjust({
      lines: [
        { itemNo: '1000', locationCode: 'MAIN', quantity: 5 },
        { itemNo: '9999', locationCode: 'MAIN', quantity: 1 },
        { itemNo: '1900', locationCode: 'NOWHERE', quantity: 0 },
      ],
    });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /lines\.1\.itemNo: item 9999 does not exist; lines\.2\.quantity: .*; lines\.2\.itemNo: item 1900 is a service.*; lines\.2\.locationCode: location NOWHERE does not exist/,
    );
    expect(await stockLevels(store.db)).toEqual([]);
  });

  it('stock movements are append-only', async () => {
    await adjust({ voucherNo: 'OPENING', lines: [{ itemNo: '1000', locationCode: 'MAIN', quantity: 10 }] });
    await expect(sql`update stock_movements set quantity = 99`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from stock_movements`.execute(store.db)).rejects.toThrow(/append-only/);
  });
});
