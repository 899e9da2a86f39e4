import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ValidationError } from '../shared/errors.ts';

/** At least this long: a passphrase beats a short password with symbols (NIST SP 800-63B). */
export const minPasswordLength = 12;
/** Longer than any passphrase a person types; bounds the work one sign-in costs. */
const maxPasswordLength = 1024;

/** scrypt cost (N=2^15, r=8, p=1: OWASP's minimum for scrypt), written into every stored hash. */
const defaults = { N: 32768, r: 8, p: 1 } as const;
const keyLength = 32;

export function checkPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string' || password.length < minPasswordLength)
    throw new ValidationError(`${field}: must be at least ${minPasswordLength} characters`, [
      { path: field, message: `must be at least ${minPasswordLength} characters` },
    ]);
  if (password.length > maxPasswordLength)
    throw new ValidationError(`${field}: must be at most ${maxPasswordLength} characters`, [
      { path: field, message: `must be at most ${maxPasswordLength} characters` },
    ]);
  return password;
}

/**
 * `scrypt$N=32768,r=8,p=1$<salt>$<hash>` (base64url): the string says how it was made, so the
 * cost can be raised later without breaking the passwords already stored.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, defaults);
  const params = `N=${defaults.N},r=${defaults.r},p=${defaults.p}`;
  return `scrypt$${params}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** True when the password is the one hashed; compared in constant time. A malformed hash is false. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || password.length > maxPasswordLength) return false;
  const hash = await derive(password, parsed.salt, parsed.options);
  return hash.length === parsed.hash.length && timingSafeEqual(hash, parsed.hash);
}

/**
 * Burns the time a real check takes, so that a name without a password (or no such user)
 * answers no faster than a wrong password and names cannot be told apart by timing.
 */
export async function verifyNothing(password: string): Promise<false> {
  await derive(password.slice(0, maxPasswordLength), Buffer.alloc(16), defaults);
  return false;
}

function parseHash(stored: string) {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) return undefined;
  const [, n, r, p, salt, hash] = match;
  return {
    options: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64url'),
    hash: Buffer.from(hash!, 'base64url'),
  };
}

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number }): Promise<Buffer> {
  // maxmem: N=2^15 with r=8 needs 32 MiB, just over Node's default limit.
  const maxmem = 128 * options.N * (options.r ?? 8) * 2;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
