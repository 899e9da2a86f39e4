import { describe, expect, it } from 'vitest';
import type { ShopifyClient } from '../client.ts';
import { runBulkQuery } from './run-bulk-query.ts';

/** A client whose bulk operation completes at the `completeAfter`th status poll. */
function fakeClient(completeAfter: number): ShopifyClient {
  let polls = 0;
  return {
    request: async (operation: string) => {
      if (operation === 'BulkOperationRunQuery') {
        return { data: { bulkOperationRunQuery: { bulkOperation: { id: 'gid://op/1' }, userErrors: [] } } };
      }
      polls += 1;
      const done = polls >= completeAfter;
      return {
        data: {
          node: {
            id: 'gid://op/1',
            status: done ? 'COMPLETED' : 'RUNNING',
            errorCode: null,
            objectCount: '0',
            url: done ? 'https://files/op.jsonl' : null,
            partialDataUrl: null,
          },
        },
      };
    },
  } as unknown as ShopifyClient;
}

describe('runBulkQuery status polls', () => {
  it('polls briskly while the export is young, then doubles the wait up to the longest', async () => {
    let clock = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const url = await runBulkQuery(fakeClient(26), 'query { orders { edges { node { id } } } }', {
      sleep,
      now: () => clock,
    });
    expect(url).toBe('https://files/op.jsonl');
    // 100, then 200, then 250 until 5 s have passed, then 500 and 1,000 at most.
    expect(waits.slice(0, 3)).toEqual([100, 200, 250]);
    const young = waits.findIndex((_, index) => waits.slice(0, index).reduce((a, b) => a + b, 0) >= 5000);
    expect(waits.slice(2, young).every((ms) => ms === 250)).toBe(true);
    expect(waits.slice(young)).toEqual([500, 1000, 1000, 1000, 1000, 1000].slice(0, waits.length - young));
  });

  it('keeps the cadence the caller asks for (pollIntervalMs)', async () => {
    const waits: number[] = [];
    await runBulkQuery(fakeClient(4), 'query { orders { edges { node { id } } } }', {
      sleep: async (ms) => void waits.push(ms),
      pollIntervalMs: 20,
      now: () => 0,
    });
    expect(waits).toEqual([20, 20, 20, 20]);
  });
});
