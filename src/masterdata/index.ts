/** Master data the back office needs: items, locations, customers and G/L accounts. */
export {
  findMissingReferences,
  type MasterDataKind,
  type MasterDataReferences,
  type MissingReference,
} from './find-missing-references.ts';
export { importMasterData, type ImportResult, type MasterDataFile } from './import-master-data.ts';
export { listMasterData, listMasterDataAsFileRows } from './list-master-data.ts';
export { hasMasterData, loadDemoMasterData } from './load-demo-master-data.ts';
export { findItemByNo, findItemBySku, findItemsBySkus } from './items-repository.ts';
export {
  findCustomerByBillToAddress,
  findCustomerByEmail,
  findCustomerByNo,
  findCustomerByPhone,
} from './customers-repository.ts';
export {
  billToKey,
  emailKey,
  findCustomersByBillToAddresses,
  findCustomersByEmails,
  findCustomersByNos,
  findCustomersByPhones,
  phoneKey,
  type CustomerMatchKeys,
} from './customer-lookups.ts';
export { createCustomer, createCustomerWithMatchKeys } from './create-customer.ts';
export { findLocationByCode } from './locations-repository.ts';
export { findGlAccountByNo } from './gl-accounts-repository.ts';
export {
  importKinds,
  isImportKind,
  type Customer,
  type CustomerAddress,
  type GlAccount,
  type GlAccountType,
  type ImportKind,
  type Item,
  type ItemType,
  type Location,
  type MasterDataByKind,
} from './types.ts';
export { registerMasterDataRoutes } from './http-routes.ts';
