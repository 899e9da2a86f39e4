/** The shop card's sections, in the order of the settings files (settings.ts). */
export const settingGroups = [
  {
    id: 'connection',
    title: 'Connection',
    help: 'Which shop this is and how storebridge reaches its Admin API.',
  },
  { id: 'orders', title: 'Orders', help: 'When and how orders come in, and which documents they become.' },
  {
    id: 'returns',
    title: 'Returns and refunds',
    help: 'How Shopify refunds and returns reach the books, and the G/L accounts amounts without an item are posted to.',
  },
  {
    id: 'customers',
    title: 'Customers and items',
    help: 'Items and customers an order names, and how they map to the back office.',
  },
  {
    id: 'mappings',
    title: 'Mappings',
    help: 'Shopify shipping methods and locations mapped to shipment methods, charges and back-office locations.',
  },
  {
    id: 'invoiceExport',
    title: 'Invoice export',
    help: 'Export of posted back-office sales invoices to Shopify as completed orders.',
  },
] as const;

export type SettingGroupId = (typeof settingGroups)[number]['id'];

/** Master data a setting names, as GET /api/master-data/:kind offers it. */
export type SettingReferenceKind = 'location' | 'gl_account' | 'customer' | 'item' | 'shipping_agent';

export interface CatalogueColumn {
  label: string;
  help: string;
  reference?: SettingReferenceKind;
}

export interface CatalogueEntry extends CatalogueColumn {
  group: SettingGroupId;
  /** For a list of objects (mappings): each object's fields. */
  columns?: Record<string, CatalogueColumn>;
}

/** One entry per setting, by the dotted key `shop set` takes, in the model's order. */
