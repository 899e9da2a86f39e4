import { z } from 'zod';
import { seal, unseal, SecretsUnreadableError } from './secret-box.ts';
import type { ShopSettings } from './settings.ts';

/**
 * The three settings that are secrets. They live only in `shops.secrets`, sealed with the
 * service's key (src/shared/secret-key.ts); the settings JSON never holds them.
 */
export const secretSettingPaths = [
  'credentials.accessToken',
  'credentials.clientSecret',
  'webhookSecret',
] as const;

export interface ShopSecrets {
  accessToken?: string | undefined;
  clientSecret?: string | undefined;
  webhookSecret?: string | undefined;
}

/** The settings without their secrets: what is stored as JSON and may be shown. */
export type PublicShopSettings = Omit<ShopSettings, 'credentials' | 'webhookSecret'> & {
  credentials: { clientId?: string | undefined };
};

export function splitSecrets(settings: ShopSettings): {
  publicSettings: PublicShopSettings;
  secrets: ShopSecrets;
} {
  const { accessToken, clientSecret, clientId } = settings.credentials;
  // Replaced in place rather than appended, so the settings keep the model's key order.
  const { webhookSecret, ...publicSettings } = {
    ...settings,
    credentials: clientId === undefined ? {} : { clientId },
  };
  return { publicSettings, secrets: { accessToken, clientSecret, webhookSecret } };
}

/** Puts the secrets back into stored settings, giving an input for parseShopSettings. */
export function joinSecrets(
  publicSettings: Record<string, unknown>,
  secrets: ShopSecrets,
): Record<string, unknown> {
  const credentials = isRecord(publicSettings.credentials) ? publicSettings.credentials : {};
  return {
    ...publicSettings,
    credentials: withoutUndefined({
      ...credentials,
      accessToken: secrets.accessToken,
      clientSecret: secrets.clientSecret,
    }),
    ...(secrets.webhookSecret !== undefined && { webhookSecret: secrets.webhookSecret }),
  };
}

const sealedSecrets = z.strictObject({
  accessToken: z.string().optional(),
  clientSecret: z.string().optional(),
  webhookSecret: z.string().optional(),
});

/** The shop code is the envelope's associated data: secrets only open on their own shop's row. */
export function sealSecrets(secrets: ShopSecrets, key: Buffer, shopCode: string): string {
  return seal(JSON.stringify(withoutUndefined({ ...secrets })), key, envelopeContext(shopCode));
}

export function unsealSecrets(envelope: string, key: Buffer, shopCode: string): ShopSecrets {
  const context = envelopeContext(shopCode);
  const parsed = sealedSecrets.safeParse(JSON.parse(unseal(envelope, key, context)));
  if (!parsed.success)
    throw new SecretsUnreadableError(`${context}: the decrypted secrets have an unknown shape`);
  return parsed.data;
}

function envelopeContext(shopCode: string): string {
  return `shop ${shopCode}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
