import type { ShopifyClient } from './client.ts';
import { ShopifyOrderNotFoundError, ShopifyUserError } from './errors.ts';
import { toGid } from './ids.ts';

type Attribute = { key: string; value: string | null };

export interface SetOrderAttributeResult {
  /** False when the attribute already had this value: nothing was written. */
  changed: boolean;
  /** The order's `updatedAt` after the write (the version our own change produced). */
  updatedAt: string | null;
}

/**
 * Writes one custom attribute on a Shopify order (seed 002 "Add Business Central Doc. No. as
 * Attribute": the document no. written back). orderUpdate replaces the whole list, so the
 * attributes others set are read first and kept. Writing a value already there is a no-op, so a
 * replay neither writes nor makes the order look changed (no re-import loop).
 */
export async function setOrderAttribute(
  client: ShopifyClient,
  shopifyId: string,
  key: string,
  value: string,
): Promise<SetOrderAttributeResult> {
  const id = toGid('Order', shopifyId);
  const { data } = await client.request<{ order: { customAttributes: Attribute[] } | null }>(
    'OrderAttributes',
    { id },
  );
  if (!data.order) throw new ShopifyOrderNotFoundError(`Shopify order ${shopifyId} was not found`);
  const current = data.order.customAttributes;
  if (current.some((attribute) => attribute.key === key && attribute.value === value)) {
    return { changed: false, updatedAt: null };
  }
  const customAttributes = mergeAttribute(current, key, value);
  const { data: result } = await client.request<{
    orderUpdate: {
      order: { updatedAt: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>('OrderSetAttributes', { input: { id, customAttributes } });
  const { userErrors, order } = result.orderUpdate;
  if (userErrors.length > 0 || !order) {
    const detail = userErrors.map((e) => `${(e.field ?? []).join('.')}: ${e.message}`).join('; ');
    throw new ShopifyUserError(
      `Shopify refused attribute "${key}" on order ${shopifyId}: ${detail}`,
      userErrors,
    );
  }
  return { changed: true, updatedAt: order.updatedAt };
}

/** The attributes with `key` set to `value`: replaced where it was, appended otherwise. */
export function mergeAttribute(
  attributes: readonly Attribute[],
  key: string,
  value: string,
): { key: string; value: string }[] {
  const merged = attributes.map((attribute) => ({
    key: attribute.key,
    value: attribute.key === key ? value : (attribute.value ?? ''),
  }));
  return merged.some((attribute) => attribute.key === key) ? merged : [...merged, { key, value }];
}
