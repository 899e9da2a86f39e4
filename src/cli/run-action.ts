import { AppError, ValidationError } from '../shared/errors.ts';

/**
 * Wraps a command's action: an expected failure prints one line naming the field or row and
 * exits non-zero; anything else is a bug and prints its stack.
 */
export function runAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      process.exitCode = 1;
      if (error instanceof ValidationError && error.issues.length > 1) {
        process.stderr.write(
          `error: ${error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}\n`,
        );
      } else if (error instanceof AppError) {
        process.stderr.write(`error: ${error.message}\n`);
      } else {
        process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
      }
    }
  };
}

/** Prints a value for a person, or as JSON for a script. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
