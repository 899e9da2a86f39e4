import { settingKeys } from './setting-paths.ts';
import type { PublicShopSettings } from './shop-secrets.ts';
import type { ShopSettings } from './settings.ts';

export type SecretState = '(set)' | '(not set)';

/** Settings as they may be shown: each secret replaced by whether it is set. */
export type ShopView = Omit<PublicShopSettings, 'credentials'> & {
  credentials: { accessToken: SecretState; clientId?: string | undefined; clientSecret: SecretState };
  webhookSecret: SecretState;
};

export function shopView(settings: ShopSettings): ShopView {
  const { accessToken, clientId, clientSecret } = settings.credentials;
  return {
    ...settings,
    credentials: {
      accessToken: secretState(accessToken),
      ...(clientId !== undefined && { clientId }),
      clientSecret: secretState(clientSecret),
    },
    webhookSecret: secretState(settings.webhookSecret),
  };
}

function secretState(value: string | undefined): SecretState {
  return value === undefined ? '(not set)' : '(set)';
}

/**
 * One `key  value` line per setting, every setting listed (unset ones as "(not set)"), with the
 * same dotted keys `shop set` takes. Lists are comma-separated, lists of mappings are JSON.
 */
export function settingLines(view: ShopView): string[] {
  const keys = settingKeys();
  const width = Math.max(...keys.map((key) => key.length));
  return keys.map((key) => `${key.padEnd(width)}  ${formatValue(valueAt(view, key))}`);
}

function valueAt(view: ShopView, key: string): unknown {
  let value: unknown = view;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value.every((entry) => typeof entry !== 'object') ? value.join(', ') : JSON.stringify(value);
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
