import { describe, expect, it } from 'vitest';
import { orderImportFailedEmail, refundFailedEmail, type RefundFailure } from './failure-email.ts';

const failure: RefundFailure = {
  shop: { code: 'EU', name: 'EU web store', notificationEmail: 'finance@example.com' },
  shopifyOrderName: '#1001',
  shopifyOrderId: 'gid://shopify/Order/5001',
  shopifyRefundId: 'gid://shopify/Refund/77',
  code: 'item_not_mapped',
  message: 'Item "SB-A" (order #1001, line 2) is not mapped',
  attempts: 2,
};

describe('failure email text', () => {
  it.each([
    {
      name: 'shop name and order',
      input: failure,
      subject: '[storebridge] EU web store: refund of order #1001 could not be processed',
    },
    {
      name: 'shop without a name',
      input: { ...failure, shop: { code: 'EU' } },
      subject: '[storebridge] EU: refund of order #1001 could not be processed',
    },
    {
      name: 'a name with a line break stays one header line',
      input: { ...failure, shop: { code: 'EU', name: 'EU\r\nBcc: x@example.com' } },
      subject: '[storebridge] EU Bcc: x@example.com: refund of order #1001 could not be processed',
    },
    {
      name: 'order without a name',
      input: { ...failure, shopifyOrderName: '' },
      subject: '[storebridge] EU web store: refund of order gid://shopify/Order/5001 could not be processed',
    },
  ])('subject: $name', ({ input, subject }) => {
    expect(refundFailedEmail(input).subject).toBe(subject);
  });

  it('says what failed, the code and message, what to do, and that the next sync retries it', () => {
    expect(refundFailedEmail(failure).text).toBe(
      [
        'storebridge could not process refund gid://shopify/Refund/77 of order #1001 (gid://shopify/Order/5001) in shop "EU web store" (EU).',
        '',
        'Error code: item_not_mapped',
        'Message: Item "SB-A" (order #1001, line 2) is not mapped',
        'Attempts so far: 2',
        '',
        'What to do: Fix what the message names (for example map the item, add the G/L account or correct the shop setting) in storebridge.',
        '',
        'The refund stays imported with this error and no documents were created for it. storebridge tries the refund again on the next sync; once the cause is fixed it is processed without anything else to do.',
        '',
        'storebridge emails each error once, not at every retry.',
        '',
      ].join('\n'),
    );
  });

  it('an order import failure names the order and the fix the caller gives', () => {
    const email = orderImportFailedEmail({ ...failure, fix: 'Map SKU SB-A to an item.' });
    expect(email.subject).toBe('[storebridge] EU web store: order #1001 could not be imported');
    expect(email.text).toContain('What to do: Map SKU SB-A to an item.');
    expect(email.text).toContain('storebridge tries the order again on the next sync');
  });
});
