import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { authorize, mayDo } from './authorize.ts';
import type { Action, Role } from './roles.ts';

const actor = (role: Role): Actor => ({ userId: 1, userName: 'sam', role, via: 'api' });

// One row per action: who may (issue 8 item 1: admin sets up, agent refunds/cancels/marks paid).
const table: [Action, admin: boolean, agent: boolean, readOnly: boolean][] = [
  ['read', true, true, true],
  ['refund.preview', true, true, false],
  ['refund.create', true, true, false],
  ['order.cancel', true, true, false],
  ['order.mark_as_paid', true, true, false],
  ['shipments.sync', true, true, false],
  ['invoices.export', true, false, false],
  ['sync.run', true, true, false],
  ['shop.configure', true, false, false],
  ['users.manage', true, false, false],
];

describe('who may do what', () => {
  it.each(table)('%s: admin %s, agent %s, read-only %s', (action, admin, agent, readOnly) => {
    expect([
      mayDo(actor('admin'), action),
      mayDo(actor('agent'), action),
      mayDo(actor('read_only'), action),
    ]).toEqual([admin, agent, readOnly]);
  });

  it('refuses with the user, the role and who may', () => {
    expect(() => authorize(actor('read_only'), 'refund.create')).toThrow(
      'sam (role read_only) may not refund an order in Shopify: that needs the role admin or agent',
    );
  });
});
