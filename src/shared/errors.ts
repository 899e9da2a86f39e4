/**
 * Failures are thrown as typed errors with a stable `code` and a `retryable` flag
 * (DESIGN.md "Rules that hold everywhere"); expected business outcomes are returned as results.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from a person or a file: the message names the field or row. Never retryable. */
export class ValidationError extends AppError {
  readonly code = 'validation_failed';
  readonly retryable = false;

  constructor(
    message: string,
    readonly issues: readonly ValidationIssue[] = [{ path: '', message }],
  ) {
    super(message);
  }
}

export interface ValidationIssue {
  /** Dotted path of the field, or `row 3 column sku` style for files; '' for the whole input. */
  path: string;
  message: string;
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
  readonly retryable = false;
}

export class ConflictError extends AppError {
  readonly code = 'conflict';
  readonly retryable = false;
}

export class CurrencyMismatchError extends AppError {
  readonly code = 'currency_mismatch';
  readonly retryable = false;
}

export class ConfigurationError extends AppError {
  readonly code = 'configuration_invalid';
  readonly retryable = false;
}

/** No valid credentials came with the request (HTTP 401). */
export class UnauthenticatedError extends AppError {
  /** `unauthenticated`, or a narrower code of a subclass (`sign_in_failed`). */
  readonly code: string = 'unauthenticated';
  readonly retryable = false;
}

/** The user is known but their role may not do this (HTTP 403); nothing was done. */
export class ForbiddenError extends AppError {
  /** `forbidden`, or a narrower code of a subclass (`csrf`). */
  readonly code: string = 'forbidden';
  readonly retryable = false;
}
