import { ConfigurationError } from '../../shared/errors.ts';
import { createShopifyClient, type ShopifyClient } from '../../shopify/index.ts';
import type { ShopConnection } from '../../shops/index.ts';

/** A Shopify client for the shop, from its connection settings and access token. */
export function shopifyClientFor(connection: ShopConnection): ShopifyClient {
  const accessToken = connection.secrets.accessToken;
  if (!accessToken)
    throw new ConfigurationError(
      `credentials.accessToken: shop "${connection.settings.code}" has no Admin API access token`,
    );
  return createShopifyClient({
    shopDomain: connection.settings.shopifyDomain,
    apiVersion: connection.settings.apiVersion,
    accessToken: accessToken.reveal(),
    endpoint: connection.settings.endpoint,
  });
}
