import type { ControlRoute } from '../server.ts';
import type { BulkOperations } from './bulk-operations.ts';

/**
 * `GET /__emulator/bulk/<id>.jsonl`: the result file of a bulk operation, streamed. No access
 * token is needed, as Shopify's signed storage URL needs none. 404 until the operation has data.
 */
export function bulkControlRoutes(operations: BulkOperations): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/__emulator\/bulk\/(\d+)\.jsonl$/,
      handle: ({ params }) => {
        const operation = operations.find(Number(params[0]));
        const url = operation?.url ?? operation?.partialDataUrl;
        if (!operation || !url) return { status: 404, body: { errors: 'Not Found' } };
        return {
          status: 200,
          headers: { 'content-type': 'application/jsonl' },
          body: null,
          file: operation.file,
        };
      },
    },
  ];
}
