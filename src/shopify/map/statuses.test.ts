import { describe, expect, it } from 'vitest';
import { channelName, financialStatus, fulfillmentStatus, riskLevel, transactionKind } from './statuses.ts';

describe('Shopify enums in our vocabulary', () => {
  it.each([
    { risk: null, expected: null },
    { risk: { recommendation: 'ACCEPT', assessments: [{ riskLevel: 'LOW' }] }, expected: 'low' },
    {
      risk: { recommendation: 'ACCEPT', assessments: [{ riskLevel: 'LOW' }, { riskLevel: 'HIGH' }] },
      expected: 'high',
    },
    { risk: { recommendation: 'INVESTIGATE', assessments: [{ riskLevel: 'NONE' }] }, expected: 'medium' },
    { risk: { recommendation: 'CANCEL', assessments: [] }, expected: 'high' },
    { risk: { recommendation: 'NONE', assessments: [{ riskLevel: 'PENDING' }] }, expected: null },
  ])('risk $risk.recommendation $risk.assessments -> $expected', ({ risk, expected }) => {
    expect(riskLevel(risk)).toBe(expected);
  });

  it.each([
    { app: 'Point of Sale', source: 'pos', expected: 'Point of Sale' },
    { app: null, source: 'pos', expected: 'Point of Sale' },
    { app: null, source: 'web', expected: 'Online Store' },
    { app: null, source: 'shopify_draft_order', expected: 'Draft Orders' },
    { app: null, source: '1234567', expected: '1234567' },
    { app: 'Online Store', source: 'web', expected: 'Online Store' },
    { app: null, source: null, expected: null },
  ])('channel of app $app / source $source -> $expected', ({ app, source, expected }) => {
    expect(channelName(app, source)).toBe(expected);
  });

  it('lowercases statuses and refuses unknown values, naming the field', () => {
    expect(financialStatus('PARTIALLY_REFUNDED')).toBe('partially_refunded');
    expect(financialStatus(null)).toBeNull();
    expect(fulfillmentStatus('PARTIALLY_FULFILLED')).toBe('partially_fulfilled');
    expect(transactionKind('EMV_AUTHORIZATION', 'transactions[0].kind')).toBe('authorization');
    expect(() => fulfillmentStatus('TELEPORTED')).toThrow(
      /displayFulfillmentStatus: unknown value "TELEPORTED"/,
    );
  });
});
