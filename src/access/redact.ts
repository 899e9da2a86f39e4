/** Fields whose values never go into the audit log ("the request as the user made it, no secrets"). */
const secretField = /token|secret|password|api_?key|authorization/i;

/** A copy of a request with secret-looking fields replaced by "[redacted]". */
export function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, field]) => [
      key,
      secretField.test(key) ? '[redacted]' : redacted(field),
    ]),
  );
}
