import { describe, expect, it } from 'vitest';
import { redacted } from './redact.ts';

// The audit log keeps the request as the user made it, never a secret in it (docs/access.md).
const cases: [name: string, input: unknown, expected: unknown][] = [
  ['plain values stay', { order: '1001', lines: [{ qty: 2 }] }, { order: '1001', lines: [{ qty: 2 }] }],
  ['a token', { accessToken: 'shpat_x' }, { accessToken: '[redacted]' }],
  [
    'nested secrets',
    { credentials: { clientSecret: 's', api_key: 'k' } },
    { credentials: { clientSecret: '[redacted]', api_key: '[redacted]' } },
  ],
  ['in arrays', [{ password: 'p' }], [{ password: '[redacted]' }]],
  ['null and scalars', null, null],
];

describe('redacted', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(redacted(input)).toEqual(expected);
  });
});
