export * from './money.ts';
export { allocate } from './allocate.ts';
export { minorUnitExponent, isCurrencyCode } from './currencies.ts';
