import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors.ts';

/** The stored envelope could not be opened: another key, or the row was altered. */
export class SecretsUnreadableError extends AppError {
  readonly code = 'secrets_unreadable';
  readonly retryable = false;
}

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

/**
 * Seals text with AES-256-GCM as `v1.<iv>.<tag>.<ciphertext>` (base64url): a random 12-byte IV
 * per seal, the 16-byte auth tag, and a version prefix so the scheme can change later.
 * `context` is bound as associated data (e.g. the shop code), so an envelope copied onto
 * another shop's row does not open there.
 */
export function seal(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), ciphertext].map(encodePart).join('.');
}

/** Opens an envelope sealed by seal(); a wrong key, context or altered envelope throws, never returns garbage. */
export function unseal(envelope: string, key: Buffer, context: string): string {
  const [prefix, iv, tag, ciphertext, ...rest] = envelope.split('.');
  if (
    prefix !== version ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length > 0
  ) {
    throw new SecretsUnreadableError(`${context}: the stored secrets are not a ${version} envelope`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: tagBytes,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new SecretsUnreadableError(
      `${context}: the stored secrets cannot be decrypted with this secret key ` +
        '(was STOREBRIDGE_SECRET_KEY or <dataDir>/secret.key changed?)',
      { cause: error },
    );
  }
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}
