/**
 * Roles and what each may do, as data (issue 8 item 1). An admin sets shops, mappings and
 * accounts up and manages users; an agent refunds, cancels and marks orders paid (seed 001's
 * support agent); read-only sees everything and changes nothing.
 */
export const roles = ['admin', 'agent', 'read_only'] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  read: { roles: ['admin', 'agent', 'read_only'], says: 'read the books and the sync' },
  'refund.preview': { roles: ['admin', 'agent'], says: 'preview a refund' },
  'refund.create': { roles: ['admin', 'agent'], says: 'refund an order in Shopify' },
  'order.cancel': { roles: ['admin', 'agent'], says: 'cancel an order in Shopify' },
  'order.mark_as_paid': { roles: ['admin', 'agent'], says: 'mark an order as paid in Shopify' },
  'shipments.sync': { roles: ['admin', 'agent'], says: 'send shipments to Shopify as fulfillments' },
  'invoices.export': { roles: ['admin'], says: 'export posted invoices to Shopify' },
  'sync.run': { roles: ['admin', 'agent'], says: 'run a sync or import orders' },
  'shop.configure': { roles: ['admin'], says: 'change shops, mappings, master data and accounts' },
  'users.manage': { roles: ['admin'], says: 'manage users and API keys' },
} as const satisfies Record<string, { roles: readonly Role[]; says: string }>;

export type Action = keyof typeof permissions;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
