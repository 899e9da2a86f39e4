import type { ShopState } from '../../domain/index.ts';
import { gid } from '../gid.ts';

/** The shop's UTC offset in minutes at `at`, from its IANA zone (Shop.timezoneOffsetMinutes). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The shop has no creation time of its own yet (NEEDS.md #2): its oldest record stands in. */
function firstSeen(state: ShopState): string {
  const stamps = [
    ...state.data.locations.map((l) => l.createdAt),
    ...state.data.products.map((p) => p.createdAt),
    ...state.data.orders.map((o) => o.createdAt),
  ].sort();
  return stamps[0] ?? state.now();
}

export function shopView(state: ShopState) {
  const shop = state.data.shop;
  return {
    __typename: 'Shop',
    id: gid('Shop', shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.myshopifyDomain,
    url: `https://${shop.myshopifyDomain}`,
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: [shop.currencyCode, ...Object.keys(shop.exchangeRates)],
    ianaTimezone: shop.ianaTimezone,
    timezoneOffsetMinutes: () => offsetMinutes(shop.ianaTimezone, state.clock()),
    taxesIncluded: false,
    taxShipping: false,
    weightUnit: 'KILOGRAMS',
    createdAt: () => firstSeen(state),
    updatedAt: () => firstSeen(state),
  };
}
