import { ConfigurationError } from '../shared/errors.ts';
import { createShopifyClient, type ClientDependencies, type ShopifyClient } from '../shopify/index.ts';
import type { ShopConnection } from './get-shop-connection.ts';

/**
 * A Shopify client for the shop, from its connection settings (endpoint, API version) and access
 * token; the sync, the webhook subscriptions and every outbound part build their clients here. `deps` go to `createShopifyClient` (Default: none).
 */
export function shopifyClientFor(connection: ShopConnection, deps: ClientDependencies = {}): ShopifyClient {
  const accessToken = connection.secrets.accessToken;
  if (!accessToken)
    throw new ConfigurationError(
      `credentials.accessToken: shop "${connection.settings.code}" has no Admin API access token`,
    );
  return createShopifyClient(
    {
      shopDomain: connection.settings.shopifyDomain,
      apiVersion: connection.settings.apiVersion,
      accessToken: accessToken.reveal(),
      endpoint: connection.settings.endpoint,
    },
    deps,
  );
}
