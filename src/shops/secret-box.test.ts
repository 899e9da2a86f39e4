import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, SecretsUnreadableError, unseal } from './secret-box.ts';

const key = randomBytes(32);

describe('secret envelope (AES-256-GCM)', () => {
  it('opens what it sealed', () => {
    expect(unseal(seal('shpat_abc', key, 'shop EU'), key, 'shop EU')).toBe('shpat_abc');
  });

  it('is versioned, carries IV and tag, and never contains the plaintext', () => {
    const envelope = seal('shpat_abc', key, 'shop EU');
    const [version, iv, tag, ciphertext] = envelope.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
    expect(ciphertext).toBeTruthy();
    expect(envelope).not.toContain('shpat_abc');
  });

  it('uses a fresh IV every time', () => {
    expect(seal('same', key, 'shop EU')).not.toBe(seal('same', key, 'shop EU'));
  });

  // One row per way an envelope must refuse to open: a clear error, never garbage.
  const refusals = [
    {
      name: 'another key',
      open: (e: string) => unseal(e, randomBytes(32), 'shop EU'),
      message: /cannot be decrypted with this secret key/,
    },
    { name: 'another shop', open: (e: string) => unseal(e, key, 'shop US'), message: /cannot be decrypted/ },
    {
      name: 'an altered ciphertext',
      open: (e: string) => unseal(e.slice(0, -2) + (e.endsWith('A') ? 'BB' : 'AA'), key, 'shop EU'),
      message: /cannot be decrypted/,
    },
    {
      name: 'another version',
      open: (e: string) => unseal(e.replace(/^v1/, 'v9'), key, 'shop EU'),
      message: /not a v1 envelope/,
    },
    {
      name: 'not an envelope',
      open: () => unseal('plain text', key, 'shop EU'),
      message: /not a v1 envelope/,
    },
  ];
  it.each(refusals)('refuses $name', ({ open, message }) => {
    const envelope = seal('shpat_abc', key, 'shop EU');
    expect(() => open(envelope)).toThrow(SecretsUnreadableError);
    expect(() => open(envelope)).toThrow(message);
  });
});
