import type { SalesDocument } from './storebridge.ts';

/** Item lines as [item no., quantity] pairs, in line order: what the accountant checks first. */
export function itemQuantities(document: SalesDocument | undefined): [string | null, number][] {
  return (document?.lines ?? [])
    .filter((line) => line.type === 'item')
    .map((line) => [line.no, Number(line.quantity)]);
}

/** The one document of an order; fails naming what was found otherwise. */
export function onlyDocument(documents: SalesDocument[]): SalesDocument {
  if (documents.length !== 1) {
    throw new Error(
      `expected one document, found ${documents.length}: ${documents.map((d) => `${d.type} ${d.number}`).join(', ')}`,
    );
  }
  return documents[0]!;
}

/** Demo master data: item no. by SKU (src/masterdata/demo/items.json). */
export const itemNo = {
  'SB-TEE': '1000',
  'SB-MUG': '1001',
  'SB-CAP': '1002',
  'SB-BAG': '1003',
  'SB-SOCK': '1004',
} as const;
