import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteOptions } from '../db/index.ts';
import { serialised } from './job-queue.ts';

describe("pg-boss's own statements on the embedded store", () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create(pgliteOptions);
  });
  afterAll(() => pglite.close());

  it('each take the store lock, after a turn of the event loop (requests are read in between)', async () => {
    let turned = false;
    const lockTakenAfterTurn: boolean[] = [];
    const lock = {
      run<T>(work: () => Promise<T>): Promise<T> {
        lockTakenAfterTurn.push(turned);
        turned = false;
        setImmediate(() => (turned = true));
        return work();
      },
    };
    const db = serialised(pglite, lock);
    setImmediate(() => (turned = true));
    await db.executeSql('select 1', []);
    await db.executeSql('select 2', []);
    expect(lockTakenAfterTurn).toEqual([true, true]);
  });
});
