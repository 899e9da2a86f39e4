import { inspect } from 'node:util';

/**
 * A secret value that does not print: JSON, string conversion and util.inspect all show
 * "[redacted]", so a secret logged at any depth stays hidden (pino's redact paths with `*` only
 * reach one level down). Code that needs the value calls reveal(), which is easy to grep for.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}
