import { describe, expect, it, vi } from 'vitest';
import type { ShopConnection } from '../shops/index.ts';
import type { ImportResult } from './import-staged-order.ts';
import type { SyncDeps } from './ports.ts';

// The importer is replaced by one the test releases by hand, so what is asserted is the queue's
// pacing: a fetch that runs ahead of the importer waits instead of piling orders up in memory.
const imports: { ids: string[]; done: () => void }[] = [];
vi.mock('./import-staged-orders.ts', () => ({
  importStagedOrdersEach: (
    _deps: unknown,
    _shop: string,
    options: { shopifyOrderIds: string[] },
    onResult: (result: ImportResult) => void,
  ) =>
    new Promise<void>((resolve) => {
      imports.push({
        ids: options.shopifyOrderIds,
        done: () => {
          for (const id of options.shopifyOrderIds) {
            onResult(
              id.endsWith('-bad')
                ? { status: 'failed', shopifyOrderId: id, name: id, error: { code: 'x', message: 'x' } }
                : ({ status: 'imported', shopifyOrderId: id, name: id } as ImportResult),
            );
          }
          resolve();
        },
      });
    }),
}));

const { startImportQueue } = await import('./import-queue.ts');

const connection = { settings: { code: 'SHOP' } } as unknown as ShopConnection;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return done;
};

describe('import queue', () => {
  it('holds staging back while more than two imports wait, and lets it go once the importer takes them', async () => {
    imports.length = 0;
    const queue = startImportQueue({} as SyncDeps, connection, {}, () => undefined);
    expect(await settled(queue.push(ids('a', 100)))).toBe(true);
    expect(await settled(queue.push(ids('b', 100)))).toBe(true);
    expect(await settled(queue.push(ids('c', 100)))).toBe(true);
    const held = queue.push(ids('d', 100));
    expect(await settled(held)).toBe(false);
    imports[0]!.done();
    expect(await settled(held)).toBe(true);
    while (imports.some((i) => i.ids.length > 0)) {
      const next = imports.shift()!;
      next.done();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const failed = await queue.finish();
    expect(failed.size).toBe(0);
  });

  it('remembers only the orders whose import failed, for the run’s last pass to leave alone', async () => {
    imports.length = 0;
    const queue = startImportQueue({} as SyncDeps, connection, {}, () => undefined);
    void queue.push(['1', '2-bad', '3']);
    await new Promise((resolve) => setTimeout(resolve, 1));
    imports[0]!.done();
    expect([...(await queue.finish())]).toEqual(['2-bad']);
  });
});
