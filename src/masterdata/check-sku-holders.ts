import type { ValidationIssue } from '../shared/errors.ts';
import { findSkuHolders } from './items-repository.ts';
import type { Queryable } from './repository.ts';
import { rowPath, type SourceFile } from './source-file.ts';
import type { Item } from './types.ts';
import type { NumberedValue } from './validate-rows.ts';

/**
 * A SKU already held by a stored item that the file does not touch cannot be given to another
 * item: orders find their item by SKU, so two holders would make that lookup ambiguous.
 */
export async function checkSkuHolders(
  db: Queryable,
  file: SourceFile,
  items: readonly NumberedValue<Item>[],
): Promise<ValidationIssue[]> {
  const skus = items.flatMap(({ value }) => (value.sku === null ? [] : [value.sku]));
  const holders = await findSkuHolders(
    db,
    skus,
    items.map(({ value }) => value.no),
  );
  const holderOf = new Map(holders.map((holder) => [holder.sku, holder.no]));
  return items.flatMap(({ rowNo, value }) => {
    const holder = value.sku === null ? undefined : holderOf.get(value.sku);
    if (holder === undefined) return [];
    return [
      { path: rowPath(file, rowNo, 'sku'), message: `"${value.sku}" already belongs to item ${holder}` },
    ];
  });
}
