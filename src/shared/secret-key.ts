import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from './errors.ts';

/**
 * The 32-byte key that encrypts shop secrets at rest (AES-256-GCM).
 * `STOREBRIDGE_SECRET_KEY` (base64 or 64 hex characters) wins; otherwise the embedded default
 * keeps a generated key in `<dataDir>/secret.key`, readable by the owner only, so a fresh
 * `npm start` needs no setup while a server deployment can inject its key from a vault.
 */
export function loadSecretKey(options: { envKey?: string | undefined; dataDir: string }): Buffer {
  if (options.envKey) return decodeKey(options.envKey, 'STOREBRIDGE_SECRET_KEY');
  const path = join(options.dataDir, 'secret.key');
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim(), path);
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32)
    throw new ConfigurationError(`${source}: the secret key must be 32 bytes (base64 or 64 hex characters)`);
  return key;
}
