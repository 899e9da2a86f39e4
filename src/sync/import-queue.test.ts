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

  it('runs betweenTakes after each take is imported and before the next take is taken', async () => {
    imports.length = 0;
    const seen: string[] = [];
    const betweenTakes = async () => {
      seen.push(`between after ${imports.length} takes`);
    };
    const queue = startImportQueue({} as SyncDeps, connection, { betweenTakes }, () => undefined);
    void queue.push(ids('a', 150));
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(seen).toEqual([]);
    imports[0]!.done();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(seen).toEqual(['between after 1 takes']);
    expect(imports.map((i) => i.ids.length)).toEqual([100, 50]);
    imports[1]!.done();
    await queue.finish();
    expect(seen).toEqual(['between after 1 takes', 'between after 2 takes']);
  });

  it('books a take (afterImport) while the next take is imported, one booking at a time, and reports a failed one', async () => {
    imports.length = 0;
    const bookings: { ids: readonly string[]; done: (error?: Error) => void }[] = [];
    const afterImport = (ids: readonly string[]) =>
      new Promise<void>((resolve, reject) =>
        bookings.push({ ids, done: (error) => (error ? reject(error) : resolve()) }),
      );
    const queue = startImportQueue({} as SyncDeps, connection, { afterImport }, () => undefined);
    void queue.push(ids('a', 100));
    await new Promise((resolve) => setTimeout(resolve, 1));
    void queue.push(ids('b', 100));
    void queue.push(ids('c', 100));
    imports[0]!.done();
    await new Promise((resolve) => setTimeout(resolve, 1));
    // a is being booked while b is imported.
    expect(bookings.map((b) => b.ids[0])).toEqual(['a0']);
    expect(imports.map((i) => i.ids[0])).toEqual(['a0', 'b0']);
    imports[1]!.done();
    await new Promise((resolve) => setTimeout(resolve, 1));
    // b is imported, but its booking waits for a's: c is not taken meanwhile.
    expect(bookings).toHaveLength(1);
    expect(imports).toHaveLength(2);
    bookings[0]!.done();
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(bookings.map((b) => b.ids[0])).toEqual(['a0', 'b0']);
    expect(imports.map((i) => i.ids[0])).toEqual(['a0', 'b0', 'c0']);
    bookings[1]!.done(new Error('database gone'));
    imports[2]!.done();
    await expect(queue.finish()).rejects.toThrow('database gone');
    expect(bookings).toHaveLength(2);
  });
});
