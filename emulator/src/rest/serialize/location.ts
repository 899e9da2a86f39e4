import {
  formatShopTime,
  type InventoryItem,
  type InventoryLevel,
  type Location,
  type ShopState,
  formatMinor,
} from './deps.ts';
import { gid } from './money.ts';

const countryNames: Readonly<Record<string, string>> = {
  US: 'United States',
  CA: 'Canada',
  DE: 'Germany',
  GB: 'United Kingdom',
  BE: 'Belgium',
  FR: 'France',
  NL: 'Netherlands',
};

export function restLocation(state: ShopState, location: Location) {
  const address = location.address;
  const countryName = address.countryCode ? (countryNames[address.countryCode] ?? address.countryCode) : null;
  return {
    id: location.id,
    name: location.name,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    zip: address.zip,
    province: address.province,
    country: address.countryCode,
    phone: address.phone,
    created_at: formatShopTime(state, location.createdAt),
    updated_at: formatShopTime(state, location.updatedAt),
    country_code: address.countryCode,
    country_name: countryName,
    province_code: address.provinceCode,
    legacy: location.legacy,
    active: location.active,
    admin_graphql_api_id: gid('Location', location.id),
    localized_country_name: countryName,
    localized_province_name: address.province,
  };
}

/** The single-location view (GET locations/{id}.json) has no localized names. */
export function restLocationSingle(state: ShopState, location: Location) {
  const {
    localized_country_name: _country,
    localized_province_name: _province,
    ...rest
  } = restLocation(state, location);
  return rest;
}

export function restInventoryLevel(state: ShopState, level: InventoryLevel) {
  return {
    inventory_item_id: level.inventoryItemId,
    location_id: level.locationId,
    available: level.available,
    updated_at: formatShopTime(state, level.updatedAt),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${level.locationId}?inventory_item_id=${level.inventoryItemId}`,
  };
}

export function restInventoryItem(state: ShopState, item: InventoryItem) {
  return {
    id: item.id,
    sku: item.sku,
    created_at: formatShopTime(state, item.createdAt),
    updated_at: formatShopTime(state, item.updatedAt),
    requires_shipping: item.requiresShipping,
    cost: item.cost === null ? null : formatMinor(item.cost, state.data.shop.currencyCode),
    country_code_of_origin: item.countryCodeOfOrigin,
    province_code_of_origin: item.provinceCodeOfOrigin,
    harmonized_system_code: item.harmonizedSystemCode,
    tracked: item.tracked,
    country_harmonized_system_codes: [],
    admin_graphql_api_id: gid('InventoryItem', item.id),
  };
}
