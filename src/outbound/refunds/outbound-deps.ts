import type { ShopifyClient } from '../../shopify/index.ts';
import type { Logger } from '../../shared/logger.ts';
import { getShopConnection, type ShopConnection } from '../../shops/index.ts';
import type { SyncDeps } from '../../sync/index.ts';
import { shopifyClientFor } from '../../shops/index.ts';

/** What the agent actions need: the sync's deps (store, shop secrets, the normal import) and Shopify. */
export interface OutboundDeps {
  readonly sync: SyncDeps;
  /** Default: a client from the shop's connection (its endpoint, API version and access token). */
  readonly clientFor?: ((connection: ShopConnection) => ShopifyClient) | undefined;
  /** Default: the system clock. */
  readonly now?: (() => Date) | undefined;
  readonly logger?: Logger | undefined;
}

export interface ShopContext {
  connection: ShopConnection;
  client: ShopifyClient;
}

/** The shop's connection and a Shopify client for it. */
export async function openShop(deps: OutboundDeps, shopCode: string): Promise<ShopContext> {
  const connection = await getShopConnection(deps.sync, shopCode);
  return { connection, client: (deps.clientFor ?? shopifyClientFor)(connection) };
}
