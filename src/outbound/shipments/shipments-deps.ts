import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ShopifyClient } from '../../shopify/index.ts';
import type { ShopConnection } from '../../shops/index.ts';
import { shopifyClientFor } from '../../shops/index.ts';

/** Shopify for one shop: reads retried as usual, the fulfillment mutation sent once per run. */
export interface ShipmentClients {
  reads: ShopifyClient;
  /**
   * The client's retry after a timeout or 5xx could create a second fulfillment; the mutation is
   * sent once and a later run first looks for what it created (docs/shipments.md "Exactly once").
   */
  writes: ShopifyClient;
}

export interface ShipmentsDeps {
  db: Kysely<Database>;
  secretKey: Buffer;
  logger?: Logger | undefined;
  /** Default: clients from the shop's connection (its endpoint, token and API version). */
  clientsFor?: ((connection: ShopConnection) => ShipmentClients) | undefined;
  /** Default: the system clock. */
  now?: (() => Date) | undefined;
}

export function shipmentClients(connection: ShopConnection, logger?: Logger): ShipmentClients {
  const log = logger ? { logger } : {};
  return {
    reads: shopifyClientFor(connection, log),
    writes: shopifyClientFor(connection, { ...log, retry: { maxAttempts: 1, baseMs: 500, capMs: 30_000 } }),
  };
}
