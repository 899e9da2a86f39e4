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

/** A link's key in the maps below: the kind and the Shopify id. */
export function linkKey(link: ShopifyLink): string {
  return `${link.kind}:${link.shopifyId}`;
}

/** findLinkedCustomer for many Shopify customers/companies of a shop in one statement, by linkKey. */
export async function findLinkedCustomers(
  db: Kysely<Database>,
  shopCode: string,
  links: readonly ShopifyLink[],
): Promise<Map<string, string>> {
  if (links.length === 0) return new Map();
  const rows = await db
    .selectFrom('customer_links')
    .select(['kind', 'shopify_id', 'customer_no'])
    .where('shop_code', '=', shopCode)
    .where('shopify_id', 'in', [...new Set(links.map((link) => link.shopifyId))])
    .execute();
  return new Map(
    rows.map((row) => [linkKey({ kind: row.kind, shopifyId: row.shopify_id }), row.customer_no]),
  );
}

/**
 * Writes links in one statement, a later link to the same Shopify id replacing an earlier one as
 * linkShopifyCustomer would. The caller has checked the customers exist (they were just found or
 * created), so unlike linkShopifyCustomer this does not look them up again.
 */
export async function writeCustomerLinks(
  db: Kysely<Database>,
  shopCode: string,
  links: ReadonlyArray<{ link: ShopifyLink; customerNo: string }>,
): Promise<void> {
  // One statement may not update a row twice (ON CONFLICT): only the last link per id is written.
  const last = new Map(links.map((entry) => [linkKey(entry.link), entry]));
  if (last.size === 0) return;
  await db
    .insertInto('customer_links')
    .values(
      [...last.values()].map(({ link, customerNo }) => ({
        shop_code: shopCode,
        kind: link.kind,
        shopify_id: link.shopifyId,
        customer_no: customerNo,
      })),
    )
    .onConflict((c) =>
      c
        .columns(['shop_code', 'kind', 'shopify_id'])
        .doUpdateSet((eb) => ({ customer_no: eb.ref('excluded.customer_no') })),
    )
    .execute();
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
