/**
 * Shopify's UserError: `field` is the input path (["refund", "refundLineItems", "0", "quantity"])
 * or null; `message` uses Shopify's wording where its documents or recordings give it.
 */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
}

/** Thrown by a command when input is invalid; nothing has been written. */
export class UserErrors extends Error {
  readonly errors: UserError[];

  constructor(errors: UserError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'UserErrors';
    this.errors = errors;
  }
}

/** Thrown when an id does not resolve (REST 404, GraphQL null / NOT_FOUND user error). */
export class NotFound extends Error {
  readonly resource: string;
  readonly id: number | string;

  constructor(resource: string, id: number | string) {
    super(`${resource} ${id} not found`);
    this.name = 'NotFound';
    this.resource = resource;
    this.id = id;
  }
}

export function fail(message: string, field: string[] | null = null, code?: string): never {
  throw new UserErrors([code === undefined ? { field, message } : { field, message, code }]);
}
