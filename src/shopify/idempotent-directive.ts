/**
 * Shopify API 2026-01 adds `@idempotent(key:)` to refundCreate (and other money-moving
 * mutations): a second call with the same key answers the first call's result instead of
 * running again. The directive is not in the schemas we hold (2025-01, unstable-2025-09), so the
 * operation files stay without it and it is added here, only for shops on 2026-01 or later.
 */
export const idempotentDirectiveFrom = '2026-01';

/** True when the shop's API version (`YYYY-MM`, or `unstable`) knows `@idempotent`. */
export function supportsIdempotentDirective(apiVersion: string): boolean {
  return /^\d{4}-\d{2}$/.test(apiVersion) && apiVersion >= idempotentDirectiveFrom;
}

/**
 * The operation with `$idempotencyKey: String!` declared and `@idempotent(key: $idempotencyKey)`
 * on its first top-level mutation field, e.g. `refundCreate(input: $input) @idempotent(...) {`.
 */
export function withIdempotentDirective(text: string): string {
  const header = /mutation\s+(\w+)\s*\(([^)]*)\)\s*\{\s*(\w+)\s*(\([^)]*\))?/.exec(text);
  if (!header) throw new Error('@idempotent: only a mutation with variables can carry the directive');
  const [whole, name = '', variables = '', field = '', args = ''] = header;
  const replaced = `mutation ${name}(${variables.trim()}, $idempotencyKey: String!) {\n  ${field}${args} @idempotent(key: $idempotencyKey)`;
  return text.replace(whole, replaced);
}
