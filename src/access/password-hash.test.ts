import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else; each hash has its own salt', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('treats a malformed stored hash as no match', async () => {
    expect(await verifyPassword('whatever you like', 'plain-text')).toBe(false);
  });

  it('refuses passwords shorter than 12 characters, naming the field', () => {
    expect(() => checkPassword('short')).toThrow('password: must be at least 12 characters');
    expect(checkPassword('twelve chars')).toBe('twelve chars');
  });
});
