import type { z } from 'zod';
import { customerCsvFields, customerCsvRow, customerJsonRow, customerToFileRow } from './customer-rows.ts';
import { customersRepository } from './customers-repository.ts';
import { glAccountFields, glAccountRow, glAccountToFileRow } from './gl-account-rows.ts';
import { glAccountsRepository } from './gl-accounts-repository.ts';
import { itemFields, itemRow, itemToFileRow } from './item-rows.ts';
import { itemsRepository } from './items-repository.ts';
import { locationFields, locationRow, locationToFileRow } from './location-rows.ts';
import { locationsRepository } from './locations-repository.ts';
import type { MasterDataRepository } from './repository.ts';
import type { ImportKind, MasterDataByKind } from './types.ts';

/** Everything an import, a listing or a file needs to know about one kind of master data. */
export interface KindDefinition<T> {
  /** Singular, for messages: `item`. */
  noun: string;
  /** The field that identifies a row; re-imports update by it. */
  keyField: string;
  keyOf(value: T): string;
  /** Other fields that must be unique when set (an item's SKU). */
  uniqueFields: ReadonlyArray<{ field: string; valueOf(value: T): string | null }>;
  jsonRow: z.ZodType<T, unknown>;
  csvRow: z.ZodType<T, unknown>;
  /** The CSV columns as field names, to refuse unknown columns and name missing ones once. */
  csvFields: z.ZodObject;
  repository: MasterDataRepository<T>;
  /** The value as a JSON import row: `master list --json` output imports again unchanged. */
  toFileRow(value: T): Record<string, unknown>;
}

export type KindDefinitions = { [K in ImportKind]: KindDefinition<MasterDataByKind[K]> };

export const kinds: KindDefinitions = {
  items: {
    noun: 'item',
    keyField: 'no',
    keyOf: (item) => item.no,
    uniqueFields: [{ field: 'sku', valueOf: (item) => item.sku }],
    jsonRow: itemRow,
    csvRow: itemRow,
    csvFields: itemFields,
    repository: itemsRepository,
    toFileRow: itemToFileRow,
  },
  locations: {
    noun: 'location',
    keyField: 'code',
    keyOf: (location) => location.code,
    uniqueFields: [],
    jsonRow: locationRow,
    csvRow: locationRow,
    csvFields: locationFields,
    repository: locationsRepository,
    toFileRow: locationToFileRow,
  },
  customers: {
    noun: 'customer',
    keyField: 'no',
    keyOf: (customer) => customer.no,
    uniqueFields: [],
    jsonRow: customerJsonRow,
    csvRow: customerCsvRow,
    csvFields: customerCsvFields,
    repository: customersRepository,
    toFileRow: customerToFileRow,
  },
  'gl-accounts': {
    noun: 'G/L account',
    keyField: 'no',
    keyOf: (account) => account.no,
    uniqueFields: [],
    jsonRow: glAccountRow,
    csvRow: glAccountRow,
    csvFields: glAccountFields,
    repository: glAccountsRepository,
    toFileRow: glAccountToFileRow,
  },
};
