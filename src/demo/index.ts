/** The demo: a shop on the emulator's demo catalogue, over the demo master data. */
export { setUpDemoShop, type DemoSetupResult } from './set-up-demo-shop.ts';
export { loadOpeningStock, openingStockVoucherNo, type OpeningStockResult } from './load-opening-stock.ts';
export { demoAccounts, demoShopSettings, type DemoConnection } from './demo-shop-settings.ts';

/** The shop `npm start` connects to its built-in emulator. */
export const demoShopCode = 'DEMO';
