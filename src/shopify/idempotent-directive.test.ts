import { extendSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { realAdminSchemas } from '../../test/support/shared-paths.ts';
import { supportsIdempotentDirective, withIdempotentDirective } from './idempotent-directive.ts';
import { operationText } from './operations.ts';

describe('@idempotent on refundCreate (Shopify API 2026-01)', () => {
  it.each([
    ['2025-01', false],
    ['2025-10', false],
    ['unstable', false],
    ['2026-01', true],
    ['2026-04', true],
  ])('shop API version %s sends the directive: %s', (version, expected) => {
    expect(supportsIdempotentDirective(version)).toBe(expected);
  });

  it('is valid where the directive exists, and the plain text stays what the held schemas validate', () => {
    const text = withIdempotentDirective(operationText('RefundCreate'));
    expect(text).toContain('mutation RefundCreate($input: RefundInput!, $idempotencyKey: String!)');
    expect(text).toContain('refundCreate(input: $input) @idempotent(key: $idempotencyKey)');
    const directive = parse('directive @idempotent(key: String!) on FIELD');
    for (const schema of Object.values(realAdminSchemas())) {
      const with2026 = extendSchema(schema, directive);
      expect(validate(with2026, parse(text)).map((e) => e.message)).toEqual([]);
      // Without the directive in the schema (2025-01, unstable-2025-09) it would be refused: hence never sent there.
      expect(validate(schema, parse(text)).length).toBeGreaterThan(0);
    }
  });
});
