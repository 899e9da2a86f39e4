import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Order } from '../../domain/order.ts';
import type { CustomerChoiceSettings } from '../../rules/choose-customer.ts';
import type { DocumentError, SalesDocumentSettings } from '../../rules/sales-document.ts';
import type { ShopSettings } from '../../shops/index.ts';
import { createSalesDocumentsForOrders } from './create-sales-documents-for-orders.ts';
import type { SalesDocument } from './sales-document.ts';

/** The shop settings documents depend on: ShopSettings and PublicShopSettings both fit. */
export type DocumentShopSettings = SalesDocumentSettings &
  CustomerChoiceSettings &
  Partial<Pick<ShopSettings, 'stockCountedAt'>>;

export interface CreateSalesDocumentsInput {
  shop: DocumentShopSettings;
  order: Order;
  /** Compute and return the documents without writing anything (no number, no customer). Default false. */
  dryRun?: boolean | undefined;
  /** seed 002 fix 1 for a missing customer: an operator assigns an existing customer no. Default: unset. */
  customerNo?: string | undefined;
  /** seed 002 fix 2: create the customer from the order with this template. Default: unset. */
  customerTemplateCode?: string | undefined;
  /** The clock that stamps postedAt (Default: the system clock). */
  now?: (() => Date) | undefined;
}

export type CreateSalesDocumentsResult =
  { ok: true; documents: SalesDocument[]; created: boolean } | { ok: false; error: DocumentError };

/**
 * Creates the sales document of one Shopify order in the caller's transaction (seed 002 "Create
 * sales documents"): load (existing documents, customer, items, exchange rate) -> decide (pure
 * rules) -> write document, lines, numbers and any new customer. Idempotent: an order that
 * already has linked documents gets them back, and nothing is written.
 * Business outcomes (item not mapped, customer not found, ...) are returned, never half-written.
 * One order is a batch of one, so the two paths cannot drift apart.
 */
export async function createSalesDocuments(
  trx: Kysely<Database>,
  input: CreateSalesDocumentsInput,
): Promise<CreateSalesDocumentsResult> {
  const { shop, dryRun, now, ...entry } = input;
  const [result] = await createSalesDocumentsForOrders(trx, { shop, orders: [entry], dryRun, now });
  return result!;
}
