import { Secret } from './secret.ts';
import { decodeShop, loadShopRecord, type ShopDeps } from './shop-codec.ts';
import { splitSecrets, type PublicShopSettings } from './shop-secrets.ts';

/** What the Shopify client and the webhook verifier need for one shop. */
export interface ShopConnection {
  settings: PublicShopSettings;
  /** Decrypted, each wrapped so that logging the connection cannot print it (secret.ts). */
  secrets: { accessToken?: Secret; clientSecret?: Secret; webhookSecret?: Secret };
  /** The Admin GraphQL URL: endpoint (the emulator) or https://<shopifyDomain>, at apiVersion. */
  graphqlUrl: string;
}

export async function getShopConnection(deps: ShopDeps, code: string): Promise<ShopConnection> {
  const record = await loadShopRecord(deps.db, code);
  const { publicSettings, secrets } = splitSecrets(decodeShop(record, deps.secretKey));
  const base = (publicSettings.endpoint ?? `https://${publicSettings.shopifyDomain}`).replace(/\/+$/, '');
  return {
    settings: publicSettings,
    secrets: {
      ...(secrets.accessToken !== undefined && { accessToken: new Secret(secrets.accessToken) }),
      ...(secrets.clientSecret !== undefined && { clientSecret: new Secret(secrets.clientSecret) }),
      ...(secrets.webhookSecret !== undefined && { webhookSecret: new Secret(secrets.webhookSecret) }),
    },
    graphqlUrl: `${base}/admin/api/${publicSettings.apiVersion}/graphql.json`,
  };
}
