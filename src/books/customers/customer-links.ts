import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { findCustomerByNo } from '../../masterdata/index.ts';
import type { ShopifyLink } from '../../rules/choose-customer.ts';
import { ValidationError } from '../../shared/errors.ts';

/**
 * Which back-office customer a Shopify customer (or B2B company) of a shop is: what seed 002's
 * "by ID first" looks up. Written when an order's customer is found by email, phone or bill-to
 * info or created, and by an operator mapping one by hand (the seed's third fix).
 */
export async function findLinkedCustomer(
  db: Kysely<Database>,
  shopCode: string,
  link: ShopifyLink,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('customer_links')
    .select('customer_no')
    .where('shop_code', '=', shopCode)
    .where('kind', '=', link.kind)
    .where('shopify_id', '=', link.shopifyId)
    .executeTakeFirst();
  return row?.customer_no;
}

/** Maps a Shopify customer/company to an existing customer; a later mapping replaces the earlier one. */
export async function linkShopifyCustomer(
  db: Kysely<Database>,
  input: { shopCode: string; link: ShopifyLink; customerNo: string },
): Promise<void> {
  if (!(await findCustomerByNo(db, input.customerNo)))
    throw new ValidationError(`customerNo: customer ${input.customerNo} does not exist`, [
      { path: 'customerNo', message: `customer ${input.customerNo} does not exist` },
    ]);
  await db
    .insertInto('customer_links')
    .values({
      shop_code: input.shopCode,
      kind: input.link.kind,
      shopify_id: input.link.shopifyId,
      customer_no: input.customerNo,
    })
    .onConflict((c) =>
      c.columns(['shop_code', 'kind', 'shopify_id']).doUpdateSet({ customer_no: input.customerNo }),
    )
    .execute();
}
